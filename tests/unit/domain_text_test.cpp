// User text: what a name, an organisation, a title or a chat message may hold.
#include <doctest/doctest.h>

#include "domain/text.hpp"

using ensemble::domain::text_problem;
using ensemble::domain::trimmed;

namespace {

bool accepted(const std::string& text, std::size_t min = 1, std::size_t max = 80) {
    return !text_problem(text, min, max);
}

}  // namespace

TEST_CASE("ordinary text in any script is accepted") {
    for (const char* text :
         {"Camille Martin", "Zoé", "CCAS de Villeurbanne", "Ngozi Okonjo-Iweala", "李小龙", "שלום עולם",
          "مرحبا", "Ελένη", "🙂 Bonjour", "a", "Jean\u00A0Dupont",
          "e\u0301",     // e and a combining accent
          "👩\u200D💻",    // an emoji sequence with a zero-width joiner
          "\u200Falef",  // a right-to-left mark before visible text
          "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"})  // flag
        CHECK_MESSAGE(accepted(text), text);
}

TEST_CASE("control characters are refused: C0, DEL and C1") {
    for (const char* text : {"a\u0007b", "a\tb", "line\nbreak", "a\x7F", "a\u0085b", "a\u009Bb", "\u0080x"})
        CHECK_MESSAGE(
            text_problem(text, 1, 80) ==
                std::optional<std::string>("must not hold control or bidirectional formatting characters"),
            text);
}

TEST_CASE("bidirectional embeddings, overrides and isolates, and line separators are refused") {
    for (const char* text : {"abc\u202Efdp.exe", "\u202Aa", "\u202Bb", "\u202Cc", "\u202Dd", "\u2066e",
                             "\u2067f", "\u2068g", "\u2069h", "a\u2028b", "a\u2029b"})
        CHECK_MESSAGE(!accepted(text), text);
}

TEST_CASE("text made only of invisible characters is refused") {
    for (const char* text : {"\u200B", "\uFEFF", "\u200B\u200C\u200D", "\u00A0", "\u3000", "\u2800", "\u3164",
                             "\u00AD", "\u2060", "\uFE0F", "\u200E", " \u200B "})
        CHECK_MESSAGE(
            text_problem(text, 1, 80) == std::optional<std::string>("must hold a visible character"), text);
    CHECK(accepted("\u200Bx"));
}

TEST_CASE("bytes that are not UTF-8 are refused") {
    for (const char* text : {"\xC3", "\xC3(", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                             "\xF8\x88\x80\x80\x80", "\xFF", "a\x80"})
        CHECK_MESSAGE(text_problem(text, 1, 80) == std::optional<std::string>("must be valid UTF-8 text"),
                      text);
}

TEST_CASE("length counts code points, not bytes") {
    CHECK(accepted(std::string(80, 'a')));
    CHECK(!accepted(std::string(81, 'a')));
    std::string accents;
    for (int i = 0; i < 80; ++i) accents += "é";
    CHECK(accepted(accents));
    CHECK(!accepted(accents + "é"));
    CHECK(text_problem("", 1, 80) == std::optional<std::string>("must be 1 to 80 characters"));
}

TEST_CASE("trimming removes ASCII white space at both ends only") {
    CHECK(trimmed("  Zoé \t\r\n") == "Zoé");
    CHECK(trimmed("a b") == "a b");
    CHECK(trimmed(" \u200B ") == "\u200B");
}
