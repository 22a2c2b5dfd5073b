#pragma once
// The browser client's files, served as they are from one folder.

#include <string>

#include "net/beast.hpp"

namespace ensemble::net {

// GET or HEAD of a path under `root`; 404 for anything outside it or missing.
http::message_generator serve_static(const std::string& root, const Request& request);

}  // namespace ensemble::net
