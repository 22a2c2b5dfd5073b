#include "messages.hpp"

#include <vector>

namespace bench_live {
namespace {

using nlohmann::json;

// Where the parser is: the containers that matter, each known from its parent and the key it sits under.
enum class Place { top, table, people, person, other };
enum class Key { none, phase, round, table, from, text, number, people, mates, id };

Key key_of(Place place, std::string_view key) {
    switch (place) {
        case Place::top:
            if (key == "phase") return Key::phase;
            if (key == "round") return Key::round;
            if (key == "table") return Key::table;
            if (key == "from") return Key::from;
            if (key == "text") return Key::text;
            return Key::none;
        case Place::table:
            if (key == "number") return Key::number;
            if (key == "people") return Key::people;
            if (key == "mates") return Key::mates;
            return Key::none;
        case Place::person:
            return key == "id" ? Key::id : Key::none;
        default:
            return Key::none;
    }
}

class Reader final : public nlohmann::json_sax<json> {
  public:
    explicit Reader(Incoming& out) : out_(out) {}

    bool null() override { return scalar(json()); }
    bool boolean(bool value) override { return scalar(value); }
    bool number_integer(number_integer_t value) override { return scalar(value); }
    bool number_unsigned(number_unsigned_t value) override { return scalar(value); }
    bool number_float(number_float_t value, const string_t&) override { return scalar(value); }
    bool binary(binary_t&) override { return scalar(json()); }

    bool string(string_t& value) override {
        if (at(Place::top, Key::phase))
            out_.phase = std::move(value);
        else if (at(Place::top, Key::text))
            out_.text = std::move(value);
        else if (captured())  // a copy only of the fields kept: names, prompts and chat history are many
            scalar(json(std::move(value)));
        return true;
    }

    bool start_object(std::size_t) override {
        Place place = Place::other;
        if (stack_.empty())
            place = Place::top;
        else if (at(Place::top, Key::table))
            place = Place::table, out_.has_table = true;
        else if (stack_.back().place == Place::people)
            place = Place::person;
        stack_.push_back({place, Key::none});
        return true;
    }

    bool start_array(std::size_t) override {
        // `mates` only counts when no `people` came first; `people` replaces any `mates` read before it.
        bool people = at(Place::table, Key::people),
             mates = at(Place::table, Key::mates) && !out_.people_listed;
        if (people) out_.people = json::array(), out_.people_listed = true;
        stack_.push_back({people || mates ? Place::people : Place::other, Key::none});
        return true;
    }

    bool key(string_t& key) override {
        stack_.back().key = key_of(stack_.back().place, key);
        return true;
    }

    bool end_object() override { return end(); }
    bool end_array() override { return end(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

  private:
    struct Level {
        Place place;
        Key key;  // the key whose value comes next (objects only)
    };

    bool at(Place place, Key key) const {
        return !stack_.empty() && stack_.back().place == place && stack_.back().key == key;
    }

    bool captured() const {
        return at(Place::top, Key::round) || at(Place::top, Key::from) || at(Place::table, Key::number) ||
               at(Place::person, Key::id);
    }

    bool scalar(json value) {
        if (at(Place::top, Key::round))
            out_.round = value.is_number_integer() ? value.get<int>() : -1;
        else if (at(Place::top, Key::from))
            out_.from = std::move(value);
        else if (at(Place::table, Key::number))
            out_.table_number = std::move(value);
        else if (at(Place::person, Key::id))
            out_.people.push_back(std::move(value));
        return true;
    }

    bool end() {
        stack_.pop_back();
        return true;
    }

    Incoming& out_;
    std::vector<Level> stack_;
};

}  // namespace

bool read_incoming(std::string_view text, Incoming& out) {
    Reader reader(out);
    return json::sax_parse(text.begin(), text.end(), &reader);
}

}  // namespace bench_live
