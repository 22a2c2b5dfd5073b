#pragma once
// The few fields the load generator reads from the server's `state` and `chat` messages (protocol.md),
// taken by nlohmann's SAX parser as they stream past: no document is built for the rest (names,
// organisations, the table's chat history), which would cost the shared machine more than the reading.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace bench_live {

struct Incoming {
    std::string phase;
    int round = -1;          // -1 when absent or not an integer
    bool has_table = false;  // `table` is an object, not null
    nlohmann::json table_number;
    nlohmann::json people = nlohmann::json::array();  // table.people[].id, else table.mates[].id
    bool people_listed = false;                       // `people` was there (the old server sent `mates`)
    nlohmann::json from;                              // a chat message's author
    std::string text;                                 // a chat message's text
};

// False when `text` is not valid JSON.
bool read_incoming(std::string_view text, Incoming& out);

}  // namespace bench_live
