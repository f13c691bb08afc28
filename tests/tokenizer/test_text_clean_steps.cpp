// The two halves of CLIP's cleaning one by one, on cases whose expected output was printed by
// Python 3.11's html.unescape and ftfy 6.3.1's fix_text (test_openai_parity checks the whole).
#include "tokenizer/ftfy_fix.hpp"
#include "tokenizer/html_unescape.hpp"

#include <gtest/gtest.h>

using namespace liveml::tokenizer;

TEST(HtmlUnescape, PythonRules) {
    EXPECT_EQ(html_unescape("&amp x"), "& x"); // HTML5 names valid without ';'
    EXPECT_EQ(html_unescape("&ampx"), "&x");   // … even inside a longer word
    EXPECT_EQ(html_unescape("&notit;"), "\xC2\xAC"
                                        "it;"); // longest known prefix
    EXPECT_EQ(html_unescape("caf&eacute"), "caf\xC3\xA9");
    EXPECT_EQ(html_unescape("&lt&gt"), "<>");
    EXPECT_EQ(html_unescape("&EACUTE;"), "&EACUTE;");   // names are case-sensitive
    EXPECT_EQ(html_unescape("&#150;"), "\xE2\x80\x93"); // 128..159 through Windows-1252
    EXPECT_EQ(html_unescape("&#65"), "A");              // ';' optional
    EXPECT_EQ(html_unescape("&#x110000;"), "\xEF\xBF\xBD");
    EXPECT_EQ(html_unescape("&#xD800;"), "\xEF\xBF\xBD");
    EXPECT_EQ(html_unescape("&#0;"), "\xEF\xBF\xBD");
    EXPECT_EQ(html_unescape("&#13;"), "\r");
    EXPECT_EQ(html_unescape("&#1;x"), "x"); // forbidden code points vanish
    EXPECT_EQ(html_unescape("&#x;"), "&#x;");
    EXPECT_EQ(html_unescape("&#99999999999999999999999999;"), "\xEF\xBF\xBD");
}

TEST(FtfyFixText, DefaultFixes) {
    EXPECT_EQ(ftfy_fix_text("caf\xC3\x83\xC2\xA9"), "caf\xC3\xA9"); // cafÃ© -> café
    EXPECT_EQ(ftfy_fix_text("\xC3\xA2\xC5\x93\xE2\x80\x9D No problems"),
              "\xE2\x9C\x94 No problems"); // âœ” -> ✔ (Windows-1252 mojibake)
    EXPECT_EQ(ftfy_fix_text("\xC3\x90\xC2\x9C\xC3\x90\xC2\xBE\xC3\x91\xC2\x81\xC3\x90\xC2\xBA"
                            "\xC3\x90\xC2\xB2\xC3\x90\xC2\xB0"),
              "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");                   // Москва
    EXPECT_EQ(ftfy_fix_text("voil\xC3\x83  le travail"), "voil\xC3\xA0 le travail"); // lost A0
    EXPECT_EQ(ftfy_fix_text("\xC3\x83\xC2\xA0 la"), "\xC3\xA0 la");
    EXPECT_EQ(ftfy_fix_text("\xEF\xAC\x82ubberi\xEF\xAC\x81"
                            "c"),
              "flubberific"); // ligatures
    EXPECT_EQ(ftfy_fix_text("\xEF\xBC\xAC\xEF\xBC\xAF\xEF\xBC\xB5\xEF\xBC\xA4\xE3\x80\x80\xEF\xBC"
                            "\xAE\xEF\xBC\xAF\xEF\xBC\xA9\xEF\xBC\xB3\xEF\xBC\xA5\xEF\xBC\xB3"),
              "LOUD NOISES"); // full width
    EXPECT_EQ(ftfy_fix_text("it\xE2\x80\x99s \xE2\x80\x9Cx\xE2\x80\x9D"), "it's \"x\"");
    using namespace std::string_literals;
    EXPECT_EQ(ftfy_fix_text("a\0b\xEF\xBB\xBF"
                            "c"s),
              "abc");                               // NUL, BOM
    EXPECT_EQ(ftfy_fix_text("\x1B[31mred"), "red"); // terminal escape
    EXPECT_EQ(ftfy_fix_text("x\xC2\x92s"), "x's");  // C1 control read as Windows-1252
    EXPECT_EQ(ftfy_fix_text("&EACUTE; &eacute;"), "\xC3\x89 \xC3\xA9"); // ftfy's own entities
    EXPECT_EQ(ftfy_fix_text("a < b &eacute;"), "a < b &eacute;");       // '<': looks like HTML
    EXPECT_EQ(ftfy_fix_text("l\r\nx\xE2\x80\xA8y"), "l\nx\ny");
}
