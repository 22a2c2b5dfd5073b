#pragma once
// The worker's end of run.js's IPC channel: Node's spawn puts it on descriptor 3 ('ipc' in stdio), and with
// Node's default 'json' serialisation a message is one JSON object per line, both ways.

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "wire.hpp"

namespace bench_live {

class Channel final : public Pollable {
  public:
    using Command = std::function<void(const nlohmann::json&)>;
    // `on_gone`: run.js closed its end, so nobody will ask anything again.
    Channel(Loop& loop, Command on_command, std::function<void()> on_gone);
    void on_ready(std::uint32_t events) override;
    // Written whole, waiting when the channel is full: replies are few, and run.js reads them at once.
    // Each carries this process's own CPU so far (`cpuMs`): the machine is shared with the server.
    void reply(const std::string& cmd, nlohmann::json fields);

  private:
    Command on_command_;
    std::function<void()> on_gone_;
    std::string in_;
};

}  // namespace bench_live
