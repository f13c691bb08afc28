#include "objectstore/s3_xml.hpp"

#include <charconv>
#include <stdexcept>

namespace liveml::objectstore {
namespace {

// Appends the UTF-8 bytes of code point cp.
void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto end = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
        if (end == std::string_view::npos) {
            out += text[i];
            continue;
        }
        const auto name = text.substr(i + 1, end - i - 1);
        if (name == "amp")
            out += '&';
        else if (name == "lt")
            out += '<';
        else if (name == "gt")
            out += '>';
        else if (name == "quot")
            out += '"';
        else if (name == "apos")
            out += '\'';
        else if (name.size() > 1 && name[0] == '#') {
            const bool is_hex = name[1] == 'x' || name[1] == 'X';
            const auto digits = name.substr(is_hex ? 2 : 1);
            std::uint32_t cp = 0;
            const auto [ptr, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), cp, is_hex ? 16 : 10);
            if (ec != std::errc{} || ptr != digits.data() + digits.size() || cp > 0x10FFFF)
                throw std::runtime_error("bad XML character reference &" + std::string(name) + ";");
            append_utf8(out, cp);
        } else {
            throw std::runtime_error("unknown XML entity &" + std::string(name) + ";");
        }
        i = end;
    }
    return out;
}

// The raw inner text of each <tag>…</tag> in xml (not nested in one another).
std::vector<std::string_view> elements(std::string_view xml, std::string_view tag) {
    const auto open = "<" + std::string(tag) + ">";
    const auto close = "</" + std::string(tag) + ">";
    std::vector<std::string_view> out;
    for (auto at = xml.find(open); at != std::string_view::npos; at = xml.find(open, at)) {
        const auto begin = at + open.size();
        const auto end = xml.find(close, begin);
        if (end == std::string_view::npos)
            throw std::runtime_error("unterminated <" + std::string(tag) + "> in S3 response");
        out.push_back(xml.substr(begin, end - begin));
        at = end + close.size();
    }
    return out;
}

} // namespace

std::optional<std::string> xml_text(std::string_view xml, std::string_view tag) {
    // An empty element is written <Tag/> by some servers.
    if (xml.find("<" + std::string(tag) + "/>") != std::string_view::npos &&
        xml.find("<" + std::string(tag) + ">") == std::string_view::npos)
        return std::string{};
    const auto found = elements(xml, tag);
    if (found.empty()) return std::nullopt;
    return decode_entities(found.front());
}

std::string unquote_etag(std::string_view etag) {
    if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"')
        etag = etag.substr(1, etag.size() - 2);
    return std::string(etag);
}

ListPage parse_list_objects_v2(std::string_view xml) {
    if (xml.find("<ListBucketResult") == std::string_view::npos)
        throw std::runtime_error(
            "the S3 server's answer to ListObjectsV2 is not a ListBucketResult");
    ListPage page;
    for (const auto contents : elements(xml, "Contents")) {
        ObjectEntry entry;
        const auto key = xml_text(contents, "Key");
        if (!key) throw std::runtime_error("a ListObjectsV2 entry has no Key");
        entry.key = *key;
        const auto size = xml_text(contents, "Size").value_or("0");
        const auto [ptr, ec] = std::from_chars(size.data(), size.data() + size.size(), entry.size);
        if (ec != std::errc{} || ptr != size.data() + size.size())
            throw std::runtime_error("ListObjectsV2 entry " + entry.key + " has a bad Size");
        entry.etag = unquote_etag(xml_text(contents, "ETag").value_or(""));
        entry.last_modified = xml_text(contents, "LastModified").value_or("");
        page.objects.push_back(std::move(entry));
    }
    page.truncated = xml_text(xml, "IsTruncated").value_or("false") == "true";
    page.next_continuation_token = xml_text(xml, "NextContinuationToken").value_or("");
    if (page.truncated && page.next_continuation_token.empty())
        throw std::runtime_error("a truncated ListObjectsV2 page has no NextContinuationToken");
    return page;
}

std::optional<S3ErrorBody> parse_s3_error(std::string_view xml) {
    try {
        const auto error = elements(xml, "Error");
        if (error.empty()) return std::nullopt;
        return S3ErrorBody{xml_text(error.front(), "Code").value_or(""),
                           xml_text(error.front(), "Message").value_or("")};
    } catch (const std::runtime_error&) {
        return std::nullopt; // an error body we cannot read: the status code still tells
    }
}

} // namespace liveml::objectstore
