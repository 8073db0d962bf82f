/* t_fold.c - text_fold(): one key for the spellings of one word (case,
 * decomposed input, deprecated tone marks, old and new tone placement),
 * and nothing folded that is spelled the same in both styles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/base/normalize.h"

/* Both spellings fold to the same key, and that key is want. */
static void same_key(const char *a, const char *b, const char *want)
{
	char *ka = text_fold(a), *kb = text_fold(b);
	if (strcmp(ka, kb) || (want && strcmp(ka, want)))
		fail_msg("fold('%s') = '%s', fold('%s') = '%s', wanted '%s'", a, ka, b, kb,
		         want ? want : "(equal)");
	free(ka);
	free(kb);
}

/* s folds to want. */
static void key_is(const char *s, const char *want)
{
	char *k = text_fold(s);
	if (strcmp(k, want))
		fail_msg("fold('%s') = '%s', wanted '%s'", s, k, want);
	free(k);
}

static void tone_placement(void **state)
{
	(void)state;
	same_key("hoà", "hòa", "hòa");
	same_key("khoẻ", "khỏe", "khỏe");
	same_key("thuỷ", "thủy", "thủy");
	same_key("Uỷ ban", "Ủy ban", "ủy ban");
	same_key("hoá", "hóa", "hóa");
	same_key("hoạ", "họa", "họa");
	same_key("xoè", "xòe", "xòe");
	same_key("CỘNG HOÀ", "Cộng hòa", "cộng hòa");
	same_key("luỹ kế", "lũy kế", "lũy kế");
	same_key("Tuỳ theo", "tùy theo", "tùy theo");
	/* several syllables in one string, punctuation between */
	same_key("văn hoá, thể thao (Thuỷ)", "văn hóa, thể thao (thủy)",
	         "văn hóa, thể thao (thủy)");
}

static void same_in_both_styles(void **state)
{
	(void)state;
	/* a final consonant: the tone stays where it is */
	key_is("hoàng", "hoàng");
	key_is("toàn", "toàn");
	key_is("Thuyền", "thuyền");
	key_is("khoảng", "khoảng");
	key_is("huỳnh", "huỳnh");
	/* qu: u belongs to the onset */
	key_is("quý", "quý");
	key_is("Quỳnh", "quỳnh");
	key_is("quà", "quà");
	/* three vowels: ngoài, khuya, khuỷu are written one way */
	key_is("ngoài", "ngoài");
	key_is("khuỷu", "khuỷu");
	key_is("ngoẹo", "ngoẹo");
	/* gi: già, giỏi */
	key_is("già", "già");
	key_is("giỏi", "giỏi");
	/* no tone at all, and words that only look alike */
	key_is("hoa", "hoa");
	key_is("Uy tín", "uy tín");
	key_is("ASEAN 2020", "asean 2020");
}

static void forms_and_case(void **state)
{
	(void)state;
	/* decomposed (NFD: dot below before circumflex) */
	same_key("Vi\xC3\xAA\xCC\xA3t", "Việt", "việt");  /* ê + U+0323 */
	same_key("Vie\xCC\xA3\xCC\x82t", "Việt", "việt"); /* e + U+0323 + U+0302 */
	same_key("ho\xCC\x80"
	         "a",
	         "hòa", "hòa");                /* o + U+0300 + a */
	same_key("hoa\xCC\x80", "hòa", "hòa"); /* a + U+0300: new style */
	/* U+0340 / U+0341: deprecated tone marks */
	same_key("ca\xCD\x81"
	         "c",
	         "các", "các");
	same_key("hoa\xCD\x80", "hòa", "hòa");
	/* Đ and its lookalike Ð (U+00D0) */
	same_key("ĐỒNG", "đồng", "đồng");
	same_key("\xC3\x90\xE1\xBB\x92NG", "đồng", "đồng");
	/* upper-case toned capitals and the breve/horn letters */
	same_key("ỦY BAN NHÂN DÂN TỈNH", "Ủy ban nhân dân tỉnh", "ủy ban nhân dân tỉnh");
	same_key("ĂN Ở ƯỚC", "ăn ở ước", "ăn ở ước");
	/* the key is NFC */
	key_is("Vie\xCC\xA3\xCC\x82t Nam", "vi\xE1\xBB\x87t nam");
}

static void bad_input(void **state)
{
	(void)state;
	key_is("", "");
	key_is("a\xFF"
	       "b",
	       "a\xEF\xBF\xBD"
	       "b"); /* a bad byte becomes U+FFFD */
	/* a lone combining mark is kept */
	key_is("\xCC\x81", "\xCC\x81");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(tone_placement),
	    cmocka_unit_test(same_in_both_styles),
	    cmocka_unit_test(forms_and_case),
	    cmocka_unit_test(bad_input),
	};
	return cmocka_run_group_tests_name("fold", tests, NULL, NULL);
}
