// libFuzzer target: the JSON bodies of the REST API (shared/protocol.md), event settings and a join's
// profile, from arbitrary bytes. Never a crash; what is accepted is within the protocol's limits, holds
// exactly what was sent, and event settings survive storage's JSON unchanged.
#include <cstdint>
#include <string>

#include "app/protocol.hpp"
#include "check.hpp"
#include "domain/text.hpp"
#include "storage/settings_json.hpp"

namespace {

using namespace ensemble;
using fuzz::same_integer;
using nlohmann::json;

void check_text(const std::string& text, std::size_t min, std::size_t max, const char* what) {
    FUZZ_CHECK(domain::trimmed(text) == text, what);
    if (text.empty() && min == 0) return;
    FUZZ_CHECK(!domain::text_problem(text, std::max<std::size_t>(min, 1), max), what);
}

void check_problem(const app::Problem& problem) {
    using domain::ErrorCode;
    FUZZ_CHECK(problem.code == ErrorCode::malformed_json || problem.code == ErrorCode::invalid_field,
               "a body is refused as malformed_json or invalid_field");
    FUZZ_CHECK(!problem.message.empty(), "a refusal says why");
    FUZZ_CHECK((problem.code == ErrorCode::invalid_field) == !problem.field.empty(),
               "invalid_field, and only it, names its field");
}

void check_settings(const domain::EventSettings& settings, const json& m) {
    FUZZ_CHECK(!domain::validate(settings), "accepted settings are valid");
    for (const auto& setting : domain::text_settings)
        check_text(settings.*setting.field, setting.min_chars, setting.max_chars, "a text setting in limits");
    for (const auto& setting : domain::int_settings)
        if (m.contains(setting.name))
            FUZZ_CHECK(same_integer(m.at(setting.name), settings.*setting.field),
                       "an integer setting as sent");
    for (const auto& prompt : settings.prompts) check_text(prompt, 1, 500, "a prompt in limits");
    auto stored = storage::settings_from_json(storage::settings_to_json(settings));
    FUZZ_CHECK(stored.title == settings.title && stored.table_size == settings.table_size &&
                   stored.min_table_size == settings.min_table_size &&
                   stored.max_table_size == settings.max_table_size && stored.rounds == settings.rounds &&
                   stored.round_seconds == settings.round_seconds &&
                   stored.break_seconds == settings.break_seconds && stored.prompts == settings.prompts &&
                   stored.video_link_template == settings.video_link_template,
               "settings read back from storage unchanged");
}

void check_profile(const app::Profile& profile) {
    check_text(profile.name, 1, 80, "a name is 1 to 80 characters");
    check_text(profile.organisation, 1, 120, "an organisation is 1 to 120 characters");
    check_text(profile.role, 0, 80, "a role is at most 80 characters");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    json m = json::parse(body, nullptr, false);
    bool object = !m.is_discarded() && m.is_object();

    auto settings = app::parse_event_settings(body);
    if (auto* problem = std::get_if<app::Problem>(&settings))
        check_problem(*problem);
    else {
        FUZZ_CHECK(object, "settings come from a JSON object");
        check_settings(std::get<domain::EventSettings>(settings), m);
    }

    auto profile = app::parse_profile(body);
    if (auto* problem = std::get_if<app::Problem>(&profile))
        check_problem(*problem);
    else {
        FUZZ_CHECK(object, "a profile comes from a JSON object");
        check_profile(std::get<app::Profile>(profile));
    }
    if (!object) {
        FUZZ_CHECK(std::holds_alternative<app::Problem>(settings) &&
                       std::get<app::Problem>(settings).code == domain::ErrorCode::malformed_json,
                   "anything but a JSON object is malformed_json");
    }
    return 0;
}
