#pragma once
// The browser client's files, served as they are from one folder.

#include <string>

#include "net/beast.hpp"

namespace ensemble::net {

// GET or HEAD of a path under `root` (absolute, symlinks resolved); 404 for anything outside it or
// missing, a symlink leading out of it included; 301 to "path/" for a folder asked for without its slash.
http::message_generator serve_static(const std::string& root, const Request& request);

}  // namespace ensemble::net
