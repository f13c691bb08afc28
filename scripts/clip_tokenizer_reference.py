#!/usr/bin/python3
"""Writes tests/tokenizer/data/openai_tokenizer_corpus.jsonl: strings that exercise CLIP's
text cleaning, each with the ids OpenAI's tokenizer gives it.

  /usr/bin/python3 scripts/clip_tokenizer_reference.py CLIP_CHECKOUT FTFY_CHECKOUT

CLIP_CHECKOUT is github.com/openai/CLIP (clip/simple_tokenizer.py and its vocabulary),
FTFY_CHECKOUT github.com/rspeer/python-ftfy at v6.3.1; both are only read. Needs Debian's
python3-regex and python3-wcwidth. Each line is {"text": ..., "ids": [...]}, the ids of
SimpleTokenizer.encode (no start/end tokens). The strings are built here, deterministically
(a seeded generator for the mixed ones), so rerunning rewrites the same file.
"""
import importlib.util
import json
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests/tokenizer/data/openai_tokenizer_corpus.jsonl"

CLASSES = ["cat", "dog", "airplane", "automobile", "bird", "deer", "frog", "horse", "ship",
           "truck", "golden retriever", "tabby cat", "sneaker", "ankle boot", "t-shirt/top",
           "pullover", "espresso", "sea lion", "hot-air balloon", "traffic light"]
TEMPLATES = ["a photo of a {}.", "itap of a {}.", "a bad photo of the {}.", "a origami {}.",
             "a photo of the large {}.", "a {} in a video game.", "art of the {}.",
             "a photo of the small {}.", "A PHOTO OF A {}!", "{}s, {}s and more {}s"]

# Words in many scripts, used plain and as mojibake.
WORDS = ["café", "naïve", "résumé", "Ünïcödé", "façade", "jalapeño", "smörgåsbord", "Zürich",
         "Москва", "Ελλάδα", "日本語", "中文字", "한국어", "ไทย", "עברית", "العربية", "हिन्दी",
         "Łódź", "Øresund", "İstanbul", "straße", "ΟΔΟΣ", "“quoted”", "it’s", "—dash—", "…",
         "€100", "½ cup", "👍", "🇫🇷", "naïve café", "crème brûlée", "señor", "Ærøskøbing",
         "piñata", "Dvořák", "Ångström", "coöperate", "über", "niño"]

SPECIAL = [
    # Curly quotes and apostrophes
    "it’s", "IT’S", "don’t", "we’ll", "‘single’", "“double”", "„low“", "‛reversed‟", "ʼn",
    "rock’n’roll", "the dog’s ball", "‘’“”", "O’Reilly’s", "L’été", "it\u2019s a ‘test’",
    # Full-width and half-width
    "ＡＢＣ", "ｈｅｌｌｏ\u3000ｗｏｒｌｄ", "ＬＯＵＤ　ＮＯＩＳＥＳ", "ｶﾀｶﾅ", "ﾊﾝｶｸ ﾃﾞｽ", "￥500", "￡20",
    "１２３", "ｔｅｓｔ！？", "\uffe3", "\uff5e", "ﾟ", "\uffe8",
    # Ligatures and digraphs
    "ﬁne", "ﬂower", "ﬀ", "ﬃce", "ﬄe", "ﬅ", "ﬆop", "Ĳssel", "ĳs", "ǅ", "Ǆ", "ǆ", "Ǉ", "ǈ", "ǉ",
    "Ǌ", "ǋ", "ǌ", "Ǳ", "ǲ", "ǳ", "ŉ", "ﬂubberiﬁc", "œuvre", "Æsir",
    # Controls, BOM, format characters, escapes
    "a\x00b", "tab\there", "bell\x07", "\x1b[31mred\x1b[0m text", "\x1b[1;32mok", "del\x7f",
    "c1\x80\x81\x8d\x90\x9d\x9f", "\ufeffbom", "mid\ufeffbom", "zero\u200bwidth", "join\u200djoin",
    "\u206adeprecated\u206f", "\ufff9anno\ufffb", "\ufffc", "line\u2028sep", "para\u2029sep",
    "nel\x85x", "cr\rlf\r\n", "vt\x0bff\x0c", "fs\x1cgs\x1drs\x1eus\x1f", "\x1c lead", "trail \x1f",
    "soft\xadhyphen", "\x92quote\x93", "\x85ellipsis", "\x80 euro",
    # Mojibake classics
    "cafÃ©", "Ã©tÃ©", "naÃ¯ve", "âœ” No problems", "â€œquotedâ€\x9d", "itâ€™s", "donâ€™t",
    "Ã¡rvÃ­ztÅ±rÅ‘", "Ð\x9cÐ¾Ñ\x81ÐºÐ²Ð°", "Ñ\x82ÐµÑ\x81Ñ\x82", "Î•Î»Î»Î¬Î´Î±", "æ—¥æœ¬èªž",
    "ðŸ‘\x8d", "ðŸ˜€", "â€”", "â€¦", "Â£5", "Â©2020", "Ã¼ber", "Ã\xa0 la carte", "voilÃ  le travail",
    "sÃ³", "&macr;\\_(ã\x83\x84)_/&macr;", "Ã‡a va", "Ãœbel", "â€˜singleâ€™", "Â½ cup",
    "Ã\u00a0", "Ã ", "Ã", "ÃƒÂ©", "ÃƒÆ’Ã‚Â©", "l\u00c3\u00a0 bas", "ÐŸÑ€Ð¸Ð²ÐµÑ‚",
    "Ã¢â‚¬â„¢", "Ã\x83Â©", "ãƒ†ã‚¹ãƒˆ", "ì•ˆë…•", "Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©", "×¢×‘×¨×™×ª",
    "Ãº", "Ã\u0081", "Ã ", "Ã la", "Ãa", "Âa", "the Â vertical", "hello Â world", "Ã  ",
    "Ã\xa0bc", "â€", "â\x80\x94", "\xc3\xa9", "Ã©\x1a", "caf\x1a", "â€\x1a",
    # HTML entities
    "caf&eacute;", "caf&EACUTE;", "CAF&Eacute;", "&amp x", "&amp", "&ampx", "&amp;x", "&AMP;",
    "&AMP", "&lt;tag&gt;", "&lt", "&gt", "&quot;hi&quot;", "&apos;s", "&nbsp;x", "&nbspx",
    "&copy 2020", "&COPY;", "&copy;", "&reg", "&frac12;", "&FRAC12;", "&sup2;", "&SUP2;",
    "&hellip;", "&HELLIP;", "&mdash;", "&MDASH;", "&notin;", "&notit;", "&noti", "&not",
    "&#150;", "&#150", "&#x96;", "&#128;", "&#129;", "&#141;", "&#159;", "&#160;", "&#x2019;",
    "&#X2019;", "&#8217;", "&#0;", "&#x0;", "&#13;", "&#xD;", "&#xD800;", "&#xDFFF;",
    "&#1114111;", "&#1114112;", "&#x110000;", "&#9999999999999999999999;", "&#65;", "&#x41",
    "&#x41x", "&#65abc", "&#;", "&#x;", "&#", "&", "& amp;", "&&amp;", "&amp;amp;", "&amp;amp;amp;",
    "&amp;amp;amp;amp;", "&amp;eacute;", "&amp;#150;", "&amp;lt;b&amp;gt;", "a < b &eacute;",
    "a &lt; b &eacute;", "x<y &amp;amp; z", "first &eacute;\nsecond < &eacute;\nthird &eacute;",
    "first < &eacute;\nsecond &eacute;", "&unknown;", "&Unknown", "&eacute", "&Eacute",
    "&eacutex", "&aacute;&Aacute;&AACUTE;", "&szlig;&SZLIG;", "&ouml;&OUML;", "&euro;&EURO;",
    "&zwnj;x", "&shy;", "&NotNestedGreaterGreater;", "&CounterClockwiseContourIntegral;",
    "&ThisIsAVeryLongEntityNameThatIsTooLongForPython;", "&lang;&rang;", "&ldquo;q&rdquo;",
    "&rsquo;s", "&#39;s", "&#x27;t", "&#96;", "&#x1F600;", "&#128512;", "&#xFFFE;", "&#xFDD0;",
    "&#x1FFFF;", "&#11;", "&#127;", "&#x7F;", "&#1;", "&#8;", "&#9;", "&#10;", "&#12;", "&#31;",
    "&#32;", "&#x80;", "&#x81", "&#0000065;", "&#x00041;", "&amp;#x41;", "&eacute;&eacute",
    "&lt;&lt&lt;", "&ltx", "&ampamp;", "&ampersand;", "&#x2013;&#x2014;", "&#xD83D;&#xDE00;",
    "&quot", "&QUOT", "&QUOT;", "&Quot;", "&nbsp", "&NBSP;", "&ccedil;&Ccedil;&CCEDIL;",
    "&alpha;&Alpha;&ALPHA;", "&sigma;&SIGMA;", "&yuml;&YUML;", "&thorn;&THORN;", "&eth;&ETH;",
    "&iexcl;&IEXCL;", "&micro;&MICRO;", "&fjlig;", "&nGt;", "&acE;", "&bne;", "&#x20AC;",
    # Emoji
    "👍", "👍🏽", "👨‍👩‍👧‍👦", "🇫🇷🇯🇵", "❤️", "❤", "🙂 smile", "🔥🔥🔥", "😀😃😄", "I ❤ NY",
    "✔ done", "☃", "🏳️‍🌈", "1️⃣", "#️⃣", "👩🏻‍💻",
    # Scripts, accents, case
    "日本語のテキスト", "中文测试", "한국어 텍스트", "ภาษาไทย", "עברית", "العربية", "हिन्दी",
    "Ελληνικά", "ΟΔΟΣ", "ΣΊΣΥΦΟΣ", "σ", "Σ", "İstanbul", "IĞDIR", "ß", "ẞ", "STRASSE", "ǅungla",
    "e\u0301", "E\u0301TE\u0301", "n\u0303", "a\u0308o\u0308u\u0308", "\u0345", "a\u0345b",
    "α\u0345", "x\u0345y", "Å", "\u212b", "\u2126", "\u212a", "ﬀ\u0301", "Ǆ\u030c",
    "Ꭺ", "ꭰ", "ǰ", "ΐ", "ﬓ", "ʼ", "ǈ", "İ\u0307", "ĲSSEL", "ÀÉÎÕÜ", "ÆØÅ", "ĀĒĪŌŪ",
    # Numbers
    "2012", "in 2012, ok?!", "3.14159", "1,000,000", "½", "¼ ¾", "²³", "x²", "①②③", "Ⅻ", "ⅻ",
    "٣٤٥", "०१२", "〇", "零", "四", "٫", "9⁄10", "10%", "$5.99", "#1", "№5", "1st 2nd 3rd",
    # Contractions
    "it's", "IT'S", "we're", "they'll", "i'd", "you've", "i'm", "don't", "'s", "''s", "'S",
    "it'ſ", "a'ſt", "Y'ALL'D'VE", "'twas", "rock'n'roll", "o'clock", "!'s", "x 's", "'re'm",
    # Specials
    "<|startoftext|>", "<|endoftext|>", "a<|endoftext|>b", "<|ENDOFTEXT|>", "<|endoftext|",
    "<|startoftext|>hello<|endoftext|>", "&lt;|endoftext|&gt;",
    # Whitespace
    "  spaced   out  ", "\ttabbed\t", "\n\nnew\nlines\n", "nbsp\xa0here", "em\u2003space",
    "ideo\u3000space", "thin\u2009space", "ogham\u1680x", "\u205fmath", "narrow\u202fnb",
    "   ", "", "\n", "\r\n", "a\u180eb", "a\u200ab",
    # Long words and long text
    "pneumonoultramicroscopicsilicovolcanoconiosis", "supercalifragilisticexpialidocious",
    "a" * 100, "ab" * 60, "longword" * 20, "x" + "y" * 300,
    " ".join(["word"] * 100), " ".join(WORDS),
    "Llanfairpwllgwyngyllgogerychwyndrobwllllantysiliogogogoch",
]

POOL = (
    list("abcdeXYZ019 .,!?'\"-&;#<>") + ["’", "‘", "“", "”", "ʼ", "Ａ", "ｚ", "１", "　", "ﬁ", "ﬂ",
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\x92", "\x9d", "\ufeff", "\u200b", "é", "Ã", "©",
    "Â", "â", "€", "™", "œ", "Ð", "Ñ", "\xa0", "\xad", "°", "·", "ß", "ñ", "ü", "日", "本", "한",
    "😀", "👍", "🏽", "\u200d", "\u0301", "\u0345", "ſ", "İ", "Σ", "½", "²", "٣", "\t", "\n",
    "&amp;", "&eacute;", "&#150;", "&#x2019;", "&amp", "&lt", "&#0;", "&AMP;", "&EACUTE;",
    "<|endoftext|>", "'s", "'ll", "Ã©", "â€™", "Ã¼", "Ð¼", "ðŸ˜€"]
)


def mojibake(word, rng):
    """`word` as UTF-8 read with a wrong single-byte codec, sometimes twice."""
    codecs = ["latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257",
              "iso-8859-2", "mac_roman", "cp437"]
    out = word
    for _ in range(rng.choice([1, 1, 1, 2])):
        out = out.encode("utf-8").decode(rng.choice(codecs), errors="replace")
    return out


def corpus():
    rng = random.Random(20261203)
    texts = []
    for template in TEMPLATES:
        for name in CLASSES:
            texts.append(template.format(name, name, name))
    texts += SPECIAL
    for word in WORDS:
        texts.append(word)
        texts.append(word.upper())
        for _ in range(4):
            texts.append(mojibake(word, rng))
        texts.append(f"a photo of {mojibake(word, rng)} in the city")
    for _ in range(700):
        texts.append("".join(rng.choice(POOL) for _ in range(rng.randint(1, 14))))
    seen = set()
    return [t for t in texts if not (t in seen or seen.add(t))]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    clip_checkout, ftfy_checkout = sys.argv[1:]
    sys.path.insert(0, ftfy_checkout)
    import ftfy

    assert ftfy.__version__ == "6.3.1", ftfy.__version__
    path = pathlib.Path(clip_checkout) / "clip/simple_tokenizer.py"
    spec = importlib.util.spec_from_file_location("simple_tokenizer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tokenizer = module.SimpleTokenizer()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for text in corpus():
            ids = tokenizer.encode(text)
            f.write(json.dumps({"text": text, "ids": ids}, ensure_ascii=True) + "\n")
    print("wrote", OUT.relative_to(ROOT), sum(1 for _ in OUT.open()), "strings")


if __name__ == "__main__":
    main()
