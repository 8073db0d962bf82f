/* t_buf.c - struct buf invariants: never NULL, always NUL-terminated,
 * detach hands over ownership. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/base/buf.h"

static void init_is_empty_string(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_non_null(b.ptr);
	assert_string_equal(b.ptr, "");
	assert_int_equal(b.len, 0);
	buf_release(&b);
	assert_non_null(b.ptr);
}

static void add_and_format(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_adds(&b, "Kế hoạch");
	buf_addc(&b, ' ');
	buf_addf(&b, "số %d/%s", 446, "KH-UBND");
	assert_string_equal(b.ptr, "Kế hoạch số 446/KH-UBND");
	assert_int_equal(b.len, strlen(b.ptr));
	for (int i = 0; i < 10000; i++)
		buf_addc(&b, 'x');
	assert_int_equal(b.len, strlen(b.ptr));
	buf_release(&b);
}

static void trim_and_detach(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_adds(&b, " \t Hà Tĩnh \n");
	buf_trim(&b);
	assert_string_equal(b.ptr, "Hà Tĩnh");
	size_t len;
	char *p = buf_detach(&b, &len);
	assert_string_equal(p, "Hà Tĩnh");
	assert_int_equal(len, strlen("Hà Tĩnh"));
	assert_ptr_not_equal(p, b.ptr);
	assert_string_equal(b.ptr, "");
	free(p);
	/* detaching an empty buffer still gives a string to free */
	p = buf_detach(&b, NULL);
	assert_string_equal(p, "");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(init_is_empty_string),
	    cmocka_unit_test(add_and_format),
	    cmocka_unit_test(trim_and_detach),
	};
	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
