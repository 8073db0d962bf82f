/* vntext.c - Vietnamese text helpers (see vntext.h). */
#include "extract/base/vntext.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract/base/normalize.h"
#include "extract/base/xalloc.h"

char *text_lower(const char *s, size_t len)
{
	/* NFC in, NFC out: lower-casing a precomposed letter gives a
	 * precomposed letter, so a per-code-point mapping is enough */
	struct buf b = BUF_INIT;
	buf_grow(&b, len);
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		if (*p < 0x80) {
			char c = (char)*p++;
			buf_addc(&b, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
			continue;
		}
		const unsigned char *at = p;
		long cp = utf8_next(&p, end);
		if (cp < 0) {
			buf_add(&b, at, (size_t)(p - at));
			continue;
		}
		char tmp[4];
		buf_add(&b, tmp, (size_t)utf8_put(utf8proc_tolower((utf8proc_int32_t)cp), tmp));
	}
	return buf_detach(&b, NULL);
}

double text_upper_ratio(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	size_t letters = 0, upper = 0;
	while (p < end) {
		long cp = utf8_next(&p, end);
		if (cp < 0)
			continue;
		utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
		if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
		    c == UTF8PROC_CATEGORY_LT) {
			letters++;
			if (c != UTF8PROC_CATEGORY_LL)
				upper++;
		}
	}
	return letters ? (double)upper / (double)letters : -1;
}

int text_starts_lower(const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	while (p < end) {
		long cp = utf8_next(&p, end);
		if (cp < 0)
			return 0;
		utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
		if (c == UTF8PROC_CATEGORY_LL)
			return 1;
		if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT ||
		    c == UTF8PROC_CATEGORY_ND)
			return 0;
	}
	return 0;
}

int text_ends_terminal(const char *s)
{
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (!n)
		return 1;
	/* closing quotes and brackets: look before them */
	for (;;) {
		if (n >= 3 && (!memcmp(s + n - 3, "\xE2\x80\x9D", 3) ||
		               !memcmp(s + n - 3, "\xE2\x80\x99", 3)))
			n -= 3;
		else if (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == '*'))
			n--;
		else
			break;
	}
	if (!n)
		return 1;
	if (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\xA6", 3)) /* … */
		return 1;
	return strchr(".;:!?)", s[n - 1]) != NULL;
}

size_t text_words(const char *s)
{
	size_t n = 0;
	int in = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t')
			in = 0;
		else if (!in)
			in = 1, n++;
	}
	return n;
}

char *text_trim(const char *s, size_t len, const char *strip)
{
	while (len && (*s == ' ' || *s == '\n'))
		s++, len--;
	while (len &&
	       (s[len - 1] == ' ' || s[len - 1] == '\n' || (strip && strchr(strip, s[len - 1]))))
		len--;
	return xstrndup(s, len);
}

/* ---- proper case -------------------------------------------------------- */

static const struct {
	const char *abbr;
	const char *full;
} acronyms[] = {
    {"ubnd", "ủy ban nhân dân"}, {"hđnd", "hội đồng nhân dân"}, {"mttq", "mặt trận tổ quốc"},
    {"tp", "thành phố"},         {"tp.", "thành phố"},
};

/* Words after which the next word is capitalized (body types, PL2 IV.1);
 * "ủy ban nhân dân" is a whole type after which nothing is. */
static const struct {
	const char *phrase;
	int cap_after;
} body_types[] = {
    {"ủy ban nhân dân", 0},
    {"uỷ ban nhân dân", 0},
    {"hội đồng nhân dân", 0},
    {"sở", 1},
    {"bộ", 1},
    {"ban", 1},
    {"cục", 1},
    {"vụ", 1},
    {"văn phòng", 1},
    {"trung tâm", 1},
    {"hội", 1},
    {"đài", 1},
    {"báo", 1},
    {"phòng", 1},
    {"ủy ban", 1},
    {"uỷ ban", 1},
    {"thanh tra", 1},
    {"công an", 0},
    {"bộ chỉ huy", 1},
    {"viện", 1},
    {"kho bạc", 1},
    {"chi cục", 1},
    {"liên đoàn", 1},
    {NULL, 0},
};

/* Words after which every following word is a place name. */
static const char *const place_types[] = {
    "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "đặc khu", "thị trấn", NULL,
};

struct word {
	const char *s;
	size_t len;
};

static size_t split_words(const char *s, struct word *w, size_t max)
{
	size_t n = 0;
	while (*s && n < max) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		const char *e = s;
		while (*e && *e != ' ')
			e++;
		w[n].s = s;
		w[n].len = (size_t)(e - s);
		n++;
		s = e;
	}
	return n;
}

static void add_capitalized(struct buf *b, const char *w, size_t len)
{
	const unsigned char *p = (const unsigned char *)w, *end = p + len;
	long cp = utf8_next(&p, end);
	if (cp < 0) {
		buf_add(b, w, len);
		return;
	}
	char tmp[4];
	buf_add(b, tmp, (size_t)utf8_put(utf8proc_toupper((utf8proc_int32_t)cp), tmp));
	buf_add(b, p, (size_t)(end - p));
}

/* Does the lower-case word sequence at w[i..] start with phrase?  Returns
 * the number of words of the phrase, 0 when not. */
static size_t phrase_at(const struct word *w, size_t n, size_t i, const char *phrase)
{
	struct word pw[4];
	size_t k = split_words(phrase, pw, 4);
	if (i + k > n)
		return 0;
	for (size_t j = 0; j < k; j++) {
		size_t len = w[i + j].len;
		/* a trailing comma does not stop the match */
		if (len && w[i + j].s[len - 1] == ',' && j == k - 1)
			len--;
		if (len != pw[j].len || memcmp(w[i + j].s, pw[j].s, len))
			return 0;
	}
	return k;
}

char *text_proper_case(const char *s, int expand)
{
	char *low = text_lower(s, strlen(s));
	struct word w[64];
	size_t n = split_words(low, w, 64);
	/* which words were acronyms in the original (kept upper case) */
	struct word ow[64];
	size_t on = split_words(s, ow, 64);
	struct buf b = BUF_INIT;
	int cap_next = 1, in_place = 0;
	for (size_t i = 0; i < n; i++) {
		if (b.len)
			buf_addc(&b, ' ');
		int acr = -1;
		for (size_t k = 0; k < sizeof acronyms / sizeof acronyms[0]; k++)
			if (w[i].len == strlen(acronyms[k].abbr) &&
			    !memcmp(w[i].s, acronyms[k].abbr, w[i].len))
				acr = (int)k;
		if (acr >= 0) {
			if (expand) {
				const char *full = acronyms[acr].full;
				if (cap_next)
					add_capitalized(&b, full, strlen(full));
				else
					buf_adds(&b, full);
			} else if (i < on) {
				buf_add(&b, ow[i].s, ow[i].len);
			}
			cap_next = 0;
			if (!strcmp(acronyms[acr].full, "thành phố"))
				in_place = 1, cap_next = 1;
			else
				cap_next = 0;
			continue;
		}
		if (cap_next || in_place)
			add_capitalized(&b, w[i].s, w[i].len);
		else
			buf_add(&b, w[i].s, w[i].len);
		cap_next = 0;
		int ends_comma = w[i].len && w[i].s[w[i].len - 1] == ',';
		if (ends_comma)
			in_place = 0;
		/* after a body type word, capitalize the next word */
		for (size_t k = 0; body_types[k].phrase; k++) {
			size_t pk = phrase_at(w, n, i, body_types[k].phrase);
			if (pk) {
				/* emit the rest of a multi-word type as is */
				for (size_t j = 1; j < pk; j++) {
					buf_addc(&b, ' ');
					buf_add(&b, w[i + j].s, w[i + j].len);
				}
				i += pk - 1;
				cap_next = body_types[k].cap_after;
				break;
			}
		}
		for (size_t k = 0; place_types[k]; k++) {
			size_t pk = phrase_at(w, n, i, place_types[k]);
			if (pk) {
				for (size_t j = 1; j < pk; j++) {
					buf_addc(&b, ' ');
					buf_add(&b, w[i + j].s, w[i + j].len);
				}
				i += pk - 1;
				in_place = 1;
				cap_next = 0;
				break;
			}
		}
		if (ends_comma || (w[i].len == strlen("và") && !memcmp(w[i].s, "và", w[i].len)) ||
		    (w[i].len == 1 && w[i].s[0] == '-'))
			cap_next = !in_place;
		/* "ủy ban nhân dân" inside a name keeps its capital */
		if (i + 1 < n && (phrase_at(w, n, i + 1, "ủy ban nhân dân") ||
		                  phrase_at(w, n, i + 1, "uỷ ban nhân dân")))
			cap_next = 1;
	}
	free(low);
	return buf_detach(&b, NULL);
}

/* ---- agency keys -------------------------------------------------------------- */

static const struct {
	const char *abbr; /* lower case, as folded */
	const char *full;
} key_abbr[] = {
    {"ubnd", "ủy ban nhân dân"},
    {"hđnd", "hội đồng nhân dân"},
    {"tt&tt", "thông tin và truyền thông"},
    {"tttt", "thông tin và truyền thông"},
    {"tt-tt", "thông tin và truyền thông"},
    {"vhttdl", "văn hóa thể thao và du lịch"},
    {"vh-tt&dl", "văn hóa thể thao và du lịch"},
    {"vh,tt&dl", "văn hóa thể thao và du lịch"},
    {"vhtt&dl", "văn hóa thể thao và du lịch"},
    {"gd&đt", "giáo dục và đào tạo"},
    {"gdđt", "giáo dục và đào tạo"},
    {"kh&đt", "kế hoạch và đầu tư"},
    {"khđt", "kế hoạch và đầu tư"},
    {"kh&cn", "khoa học và công nghệ"},
    {"khcn", "khoa học và công nghệ"},
    {"lđtbxh", "lao động thương binh và xã hội"},
    {"lđ-tb&xh", "lao động thương binh và xã hội"},
    {"lđtb&xh", "lao động thương binh và xã hội"},
    {"tn&mt", "tài nguyên và môi trường"},
    {"tnmt", "tài nguyên và môi trường"},
    {"nn&ptnt", "nông nghiệp và phát triển nông thôn"},
    {"nnptnt", "nông nghiệp và phát triển nông thôn"},
    {"nn&mt", "nông nghiệp và môi trường"},
    {"gtvt", "giao thông vận tải"},
    {"pt&th", "phát thanh và truyền hình"},
    {"ptth", "phát thanh và truyền hình"},
    {"pt-th", "phát thanh và truyền hình"},
    {"ttđt", "thông tin điện tử"},
    {"mttq", "mặt trận tổ quốc"},
    {"bcđ", "ban chỉ đạo"},
    {"vp", "văn phòng"},
    {"tp", "thành phố"},
    {"bql", "ban quản lý"},
    {"kkt", "khu kinh tế"},
    {"kcn", "khu công nghiệp"},
    {"qlkkt", "quản lý khu kinh tế"},
    {"cchc", "cải cách hành chính"},
};

/* Fold tone placement to the old style used by ND30's own text: in an
 * open syllable oa/oe/uy the tone sits on the first vowel (hòa, khỏe,
 * thủy).  Works on lower-case NFC words. */
static void fold_tone(struct buf *out, const char *w, size_t len)
{
	/* new-style spellings and their old-style forms (lower case) */
	static const struct {
		const char *from, *to;
	} tones[] = {
	    {"oà", "òa"}, {"oá", "óa"}, {"oả", "ỏa"}, {"oã", "õa"}, {"oạ", "ọa"},
	    {"oè", "òe"}, {"oé", "óe"}, {"oẻ", "ỏe"}, {"oẽ", "õe"}, {"oẹ", "ọe"},
	    {"uỳ", "ùy"}, {"uý", "úy"}, {"uỷ", "ủy"}, {"uỹ", "ũy"}, {"uỵ", "ụy"},
	};
	for (size_t k = 0; k < sizeof tones / sizeof tones[0]; k++) {
		size_t fl = strlen(tones[k].from);
		/* only at the end of the syllable (open syllable), not after q */
		if (len >= fl && !memcmp(w + len - fl, tones[k].from, fl) &&
		    !(len > fl && w[len - fl - 1] == 'q')) {
			buf_add(out, w, len - fl);
			buf_adds(out, tones[k].to);
			return;
		}
	}
	buf_add(out, w, len);
}

char *agency_key(const char *name)
{
	char *low = text_lower(name, strlen(name));
	/* punctuation to spaces, "&" kept inside abbreviations */
	struct buf tmp = BUF_INIT;
	for (const char *p = low; *p; p++) {
		char c = *p;
		if (c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')' ||
		    c == '"' || c == '/')
			buf_addc(&tmp, ' ');
		else
			buf_addc(&tmp, c);
	}
	struct word w[128];
	size_t n = split_words(tmp.ptr, w, 128);
	struct buf out = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *s = w[i].s;
		size_t len = w[i].len;
		/* a lone hyphen or en dash between words is punctuation */
		if ((len == 1 && s[0] == '-') || (len == 3 && !memcmp(s, "\xE2\x80\x93", 3)))
			continue;
		const char *full = NULL;
		for (size_t k = 0; k < sizeof key_abbr / sizeof key_abbr[0]; k++)
			if (len == strlen(key_abbr[k].abbr) && !memcmp(s, key_abbr[k].abbr, len))
				full = key_abbr[k].full;
		if (out.len)
			buf_addc(&out, ' ');
		if (full) {
			buf_adds(&out, full);
			continue;
		}
		/* split "văn hóa -thể thao & du lịch" style joins */
		for (size_t j = 0; j < len; j++) {
			char c = s[j];
			if (c == '-' || c == '&') {
				if (out.len && out.ptr[out.len - 1] != ' ')
					buf_addc(&out, ' ');
				if (c == '&')
					buf_adds(&out, "và ");
				continue;
			}
			size_t k = j;
			while (k < len && s[k] != '-' && s[k] != '&')
				k++;
			fold_tone(&out, s + j, k - j);
			if (k < len)
				buf_addc(&out, ' ');
			j = k - 1;
		}
		while (out.len && out.ptr[out.len - 1] == ' ')
			buf_setlen(&out, out.len - 1);
	}
	buf_release(&tmp);
	free(low);
	return buf_detach(&out, NULL);
}
