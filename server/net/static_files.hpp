#pragma once
// The browser client's files, served as they are from one folder.

#include <string>

#include "net/beast.hpp"

namespace ensemble::net {

// GET or HEAD of a path under `root` (absolute, symlinks resolved); 404 for anything outside it or
// missing, a symlink leading out of it included; 301 to "path/" for a folder asked for without its slash.
http::message_generator serve_static(const std::string& root, const Request& request);

// GET or HEAD of /data/<name>.json: the reference lists of shared/ compiled into the server
// (domain/reference_data.hpp), so that the client reads the very lists the server validates with.
http::message_generator serve_reference_data(const Request& request);

}  // namespace ensemble::net
