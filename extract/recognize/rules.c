/* rules.c - the recognizer's pattern table (see rules.h).
 *
 * Owns the patterns and their compiled forms; knows nothing of blocks or
 * XML.  Every pattern runs in UTF mode with Unicode properties; C marks
 * the ones matched without regard to case.  Dates accept 1-2 digit days
 * and months everywhere (padding in body text is inconsistent). */
#include "extract/recognize/rules.h"

#include <stdlib.h>
#include <string.h>

#include "extract/base/regex.h"

#define C PCRE2_CASELESS

/* Building blocks. */
/* a document symbol: "KH-UBND", "2024/QĐ-UBND", "SNV-CCHC&VTLT"; "…" stands
 * for a part left blank (ND30's own forms print "Số: …/BC-…") */
#define SYMBOL    "[\\p{L}\\d&.…]+(?:\\s?[-/]\\s?[\\p{L}\\d&.…]+)*"
#define DMY_SHORT "(\\d{1,2})\\s*/\\s*(\\d{1,2})(?:\\s*/\\s*(\\d{4}))?"
#define DMY_LONG  "(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s*,?\\s+năm\\s+(\\d{4}))?"

static const struct {
	enum rule_id id;
	const char *name;
	const char *pattern;
	uint32_t flags;
} table[] = {
    {R_NUMBER_LINE, "number-line",
     "^\\s*Số\\s*:?\\s*(?:…|\\.{2,})?\\s*(\\d{0,6}[a-zđ]?)\\s*(?:…|\\.{2,})?\\s*(?:/\\s*(" SYMBOL
     "))?\\s*$",
     C},
    {R_PLACE_DATE, "place-date",
     "^\\s*(\\p{L}[\\p{L}\\s.'-]{0,40}?)\\s*,?\\s*(ngày\\s*(\\d{1,2})?\\s*tháng\\s*(\\d{1,2})?\\s*,"
     "?\\s*năm(?:\\s*(\\d{4}))?)\\s*\\.?\\s*$",
     C},
    {R_DATE_LONG, "date-long", "\\bngày\\s+" DMY_LONG, C},
    {R_QUOC_HIEU, "quoc-hieu",
     "CỘNG\\s+H(?:ÒA|OÀ)\\s+X\\S{0,3}\\s*HỘI\\s+CHỦ\\s+NGHĨA\\s+VIỆT\\s+NAM", C},
    {R_TIEU_NGU, "tieu-ngu", "Độc\\s+lập\\s*[-–—]\\s*Tự\\s+do\\s*[-–—]\\s*Hạnh\\s+phúc", C},
    {R_DOCTYPE, "doctype",
     "^\\s*(KẾ HOẠCH|BÁO CÁO|QUYẾT ĐỊNH|TỜ TRÌNH|THÔNG BÁO|HƯỚNG DẪN|CHƯƠNG TRÌNH|ĐỀ ÁN|"
     "PHƯƠNG ÁN|DỰ ÁN|NGHỊ QUYẾT|CHỈ THỊ|QUY CHẾ|QUY ĐỊNH|CÔNG ĐIỆN|GIẤY MỜI|BIÊN BẢN|"
     "THÔNG CÁO|THAM LUẬN|ĐỀ CƯƠNG|CÔNG VĂN|NGHỊ ĐỊNH|THÔNG TƯ|LUẬT|ĐIỀU "
     "LỆ)(?:\\s*[:.]?\\s*$|\\s+([^\\p{Ll}]+)$)",
     0},
    {R_REF, "ref",
     "(?<![\\p{L}])(Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư liên tịch|"
     "Thông tư|Chỉ thị|Kế hoạch|Công văn|Văn bản|Kết luận|Hướng dẫn|Thông báo|Chương trình|"
     "Công điện|Quy định|Đề "
     "án)\\s+(?:số\\s*:?\\s*)?(\\d{1,5}[a-zđ]?(?:\\s?/\\s?\\d{4})?\\s?[/-]\\s?" SYMBOL ")",
     0},
    {R_REF_DATE, "ref-date",
     "\\G\\s*,?\\s*ngày\\s+(?:(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/"
     ".-]\\s*(\\d{4})|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))",
     C},
    {R_HEAD_PART, "head-part",
     "^(?:PHẦN|Phần|PHẦN THỨ|Phần "
     "thứ|CHƯƠNG|Chương)\\s+([IVXL]{1,6}|\\d{1,2}|\\p{Lu}+|\\p{Ll}+)\\s*(?:[.:–-]\\s*(.*)|$)",
     0},
    {R_HEAD_ROMAN, "head-roman", "^([IVXL]{1,6})\\s*[.)–:-]\\s*(\\S.*)$", 0},
    {R_HEAD_ULETTER, "head-uletter", "^([A-HJ-UWYZĐ])\\s*[.)]\\s+(\\S.*)$", 0},
    {R_HEAD_ARABIC, "head-arabic",
     "^(?:([1-9]\\d{0,2}(?:\\.[1-9]\\d?){1,3})\\.?\\s+|([1-9]\\d{0,2}|0[1-9])\\s*(?:\\.(?!\\d)|\\))"
     ")\\s*(\\S.*)$",
     0},
    {R_HEAD_LETTER, "head-letter", "^([a-zđ])\\s*(?:\\)|\\.(?=\\s))\\s*(\\S.*)$", 0},
    {R_HEAD_ARTICLE, "head-article", "^(Điều\\s+\\d{1,3}[a-z]?)\\s*[.:]?\\s*(.*)$", 0},
    {R_BULLET, "bullet", "^([-+–•·∙])\\s*(\\S.*)$", 0},
    {R_FIELD, "task-field",
     "^((?:Đơn vị|Cơ quan)\\s+(?:chủ trì|phối hợp|thực hiện)(?:\\s+thực hiện)?|"
     "(?:Chủ trì|Phối hợp)(?:\\s+thực hiện)?|"
     "(?:Thời gian|Thời hạn|Tiến độ)(?:\\s+(?:thực hiện|hoàn thành))?|"
     "Sản phẩm(?:\\s+(?:đầu ra|chính))?|(?:Nguồn\\s+)?[Kk]inh phí(?:\\s+thực "
     "hiện)?)\\s*:\\s*(\\S.*)$",
     C},
    {R_CLOSING, "closing",
     "^(?:Trên đây là|Yêu cầu (?:các|Thủ trưởng|thủ trưởng|Giám đốc|giám đốc|Chủ tịch)|"
     "Trong quá trình|Quá trình (?:tổ chức )?(?:triển khai )?thực hiện|"
     "(?i:ủy|uỷ) ban nhân dân (?:tỉnh|thành phố)(?: [\\p{Lu}][\\p{L}]*)* yêu cầu)",
     0},
    {R_RECIPIENTS, "recipients", "^Nơi\\s+nhận\\s*:?\\s*(.*)$", C},
    {R_SIG_AUTHORITY, "signature-authority", "^(?:TM|T/M|T\\.M)\\s*[.:]?\\s*(\\p{Lu}[^\\p{Ll}]*)$",
     0},
    {R_SIG_DEPUTY, "signature-deputy", "^(KT|KÊ|K/T|Q|TL|TUQ)\\s*[.:]?\\s+(\\p{Lu}[^\\p{Ll}]*)$",
     0},
    {R_APPENDIX, "appendix",
     "^(?:PHỤ LỤC|Phụ lục|PHỤ LỤC SỐ|Phụ lục "
     "số)(?:\\s+([IVXL]{1,6}|\\d{1,3}[a-z]?)(?![\\p{L}]))?\\s*[:.–-]?\\s*(.*)$",
     0},
    {R_ATTACHMENT, "attachment", "^\\(?\\s*(?:\\p{L}+\\s+){0,3}?(?:Kèm theo|Đính kèm)\\b", C},
    {R_ATTACH_NUMBER, "attachment-number",
     "(Kế hoạch|Báo cáo|Quyết định|Văn bản|Công văn|Tờ trình|Thông báo|Nghị "
     "quyết)\\s+số\\s*:?\\s*(\\d{0,6})\\s*/\\s*(" SYMBOL ")",
     C},
    {R_ISSUER_PHRASE, "issuer-phrase",
     "(?<![\\p{L}])(Chủ tịch\\s+)?((?i:ủy|uỷ) ban nhân dân|UBND)(?:\\s*\\(UBND\\))?\\s+(tỉnh|thành "
     "phố)(?![\\p{L}])"
     "(?:\\s+((?:\\p{Lu}\\p{Ll}*)(?:\\s+\\p{Lu}\\p{Ll}*){0,3}))?",
     0},
    {R_AREA, "area",
     "trên địa bàn\\s+(tỉnh|thành phố)\\s+((?:\\p{Lu}\\p{Ll}*)(?:\\s+\\p{Lu}\\p{Ll}*){0,3})", 0},
    {R_KINH_GUI, "kinh-gui", "^Kính\\s+gửi\\s*:?\\s*(.*)$", C},
    {R_AGENCY_START, "agency-start",
     "^(?:(?:Đề nghị|Giao|Yêu cầu)\\s+)?(?:Sở|Ban|Bộ|Ủy ban|Uỷ ban|UBND|Văn phòng|Công an|Bộ Chỉ "
     "huy|Bộ đội|Báo|Đài|"
     "Cổng|Trung tâm|Tỉnh đoàn|Thành đoàn|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Hội|Liên đoàn|Liên minh|Thanh "
     "tra|"
     "Kho bạc|Cục|Chi cục|Viện|Trường|Bưu điện|Ngân hàng|Hội đồng|Mặt trận|Các|Cơ quan|Đoàn|"
     "Hiệp hội|Phòng|Chi nhánh|Đảng ủy|Huyện ủy|Quân khu|Bảo hiểm|Thủ trưởng|Giám đốc|Chủ tịch)"
     "(?![\\p{L}])",
     0},
    {R_AGENCY_VERB, "agency-verb",
     "(?:\\s*:|\\s(?:có trách nhiệm|chịu trách nhiệm|chủ trì|phối hợp|chỉ đạo|hướng dẫn|xây dựng|"
     "tổ chức|thực hiện|triển khai|tham mưu|căn cứ|theo dõi|định hướng|đẩy mạnh|tăng cường|"
     "cung cấp|bố trí|là cơ quan|làm đầu mối|là đầu mối|nghiên cứu|kiểm tra|quản lý|tuyên truyền|"
     "rà soát|đôn đốc|tiếp tục|thường xuyên|chủ động|phụ trách|đảm bảo|bảo đảm|giúp|được giao|"
     "cử|lựa chọn|phát huy|duy trì|mở|hỗ trợ|ban hành|vận động|phổ biến|thẩm định|cân đối|"
     "quan tâm|tích cực|biên tập|đăng tải)(?![\\p{L}]))",
     0},
    {R_AMOUNT, "amount",
     "(?<![\\d.,\\p{L}])(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d+))?\\s*(nghìn|ngàn|triệu|tỷ|tỉ)?\\s*"
     "(đồng|VNĐ|VND|đ|₫)(?![\\p{L}\\d])",
     0},
    {R_DEADLINE, "deadline",
     "(?:([Đđ]ịnh kỳ)\\s+)?([Tt]rước ngày|[Cc]hậm nhất(?: là)?(?: vào)?(?: ngày)?|[Hh]ạn "
     "(?:chót|cuối)(?: là)? ngày|"
     "[Kk]hông quá ngày|[Tt]rước)\\s+(?:" DMY_SHORT "|" DMY_LONG ")"
     "(?:\\s*\\(?\\s*((?:hàng|hằng) năm)\\)?)?",
     0},
    {R_DEADLINE_AND, "deadline-and",
     "\\G\\s+và\\s+(?:ngày\\s+)?(?:" DMY_SHORT "|" DMY_LONG
     ")(?:\\s*\\(?\\s*((?:hàng|hằng) năm)\\)?)?",
     0},
    {R_PERIODIC, "periodic",
     "(?<![\\p{L}])ngày\\s+(?:" DMY_SHORT "|" DMY_LONG ")\\s*((?:hàng|hằng) năm)", C},
    {R_SIGNER, "signer", "^(?:\\p{Lu}\\p{Ll}*\\.?)(?:\\s+\\p{Lu}\\p{Ll}*){1,5}$", 0},
    {R_IMAGE_NOTE, "image-note",
     "^(?:\\(\\s*(?:Đã ký|đã "
     "ký|Ký|ký)[^)]*\\)|\\[[^\\]]*\\]|.*\\b(?:signature|stamp|seal|handwritten)\\b.*)$",
     C},
    {R_STAMP, "stamp", "^(?:Ký bởi|Người ký|Thời gian ký|Ngày ký|Email|E-mail)\\s*:", C},
    {R_UNIT_NOTE, "unit-note", "Đơn vị tính\\s*:\\s*(nghìn|ngàn|triệu|tỷ)?\\s*(đồng|VNĐ|VND)", C},
};

/* The rules by id, each compiled the first time it is matched: a run
 * pays only for the rules it reaches. */
static struct regex rx[R__COUNT];
static pcre2_match_data *md;

static void rules_init(void)
{
	if (md)
		return;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		rx[table[i].id] = (struct regex)REGEX_INIT(table[i].pattern, table[i].flags);
	md = regex_match_data(20);
}

const char *rule_name(enum rule_id r)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].id == r)
			return table[i].name;
	return "?";
}

int rules_compile(const char **bad)
{
	rules_init();
	for (int r = 0; r < R__COUNT; r++) {
		if (!rx[r].pattern) {
			if (bad)
				*bad = "(a rule id without a pattern)";
			return -1;
		}
		if (rx[r].code)
			continue;
		struct diag d;
		diag_init(&d, "rules.c");
		rx[r].code = regex_compile(rx[r].pattern, REGEX_NUL, rx[r].flags, &d);
		diag_release(&d);
		if (!rx[r].code) {
			if (bad)
				*bad = rule_name(r);
			return -1;
		}
	}
	return 0;
}

void rules_free(void)
{
	for (int r = 0; r < R__COUNT; r++)
		regex_release(&rx[r]);
	pcre2_match_data_free(md);
	md = NULL;
}

int rule_match(enum rule_id r, const char *s, size_t len, size_t start, struct rmatch *m)
{
	rules_init();
	if (start > len)
		return 0;
	int rc = regex_match(&rx[r], s, len, start, PCRE2_NO_UTF_CHECK, md);
	if (rc <= 0)
		return 0;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t pairs = pcre2_get_ovector_count(md);
	if (pairs > 20)
		pairs = 20;
	m->n = (int)pairs;
	for (uint32_t i = 0; i < 2 * pairs; i++)
		m->ov[i] = ov[i];
	for (uint32_t i = 2 * pairs; i < 40; i++)
		m->ov[i] = (size_t)-1;
	/* groups beyond rc are unset */
	for (uint32_t i = (uint32_t)rc; i < pairs; i++)
		m->ov[2 * i] = m->ov[2 * i + 1] = (size_t)-1;
	return 1;
}

int rule_test(enum rule_id r, const char *s)
{
	struct rmatch m;
	return rule_match(r, s, strlen(s), 0, &m);
}

int rm_has(const struct rmatch *m, int i)
{
	return i < 20 && m->ov[2 * i] != (size_t)-1;
}

size_t rm_start(const struct rmatch *m, int i)
{
	return rm_has(m, i) ? m->ov[2 * i] : 0;
}

size_t rm_end(const struct rmatch *m, int i)
{
	return rm_has(m, i) ? m->ov[2 * i + 1] : 0;
}

size_t rm_len(const struct rmatch *m, int i)
{
	return rm_has(m, i) ? m->ov[2 * i + 1] - m->ov[2 * i] : 0;
}
