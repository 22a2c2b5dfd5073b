#pragma once
// What the two XML writers share: a document with its declaration, and its UTF-8 bytes.

#include <pugixml.hpp>
#include <string>

namespace ensemble::review {

// A document holding only `<?xml version="1.0" encoding="UTF-8"?>`.
pugi::xml_document xml_document();

// The document, indented, as UTF-8 bytes; pugixml escapes < & > and quotes.
std::string xml_bytes(const pugi::xml_document& document);

}  // namespace ensemble::review
