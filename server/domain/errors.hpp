#pragma once
// Why a request is refused: the error codes of shared/protocol.md, one list for the whole server.
// Each layer maps them at its edge (HTTP statuses in net/responses.cpp), never by their text.

namespace ensemble::domain {

enum class ErrorCode {
    malformed_json,          // the body is not a JSON object
    unknown_type,            // a WebSocket message of a type this version does not know
    invalid_field,           // a field is missing, of the wrong type or out of its limits
    unauthorized,            // missing, unknown or wrong token
    forbidden,               // a token that may not do this
    not_found,               // unknown event, attendee or table
    method_not_allowed,      // an HTTP method the path does not take
    wrong_phase,             // the command does not fit now
    event_ended,             // the event is over
    event_full,              // the event has reached its number of attendees
    table_full,              // a topic table has as many choosers as a table has seats
    rate_limited,            // too many messages
    too_large,               // over the size limit
    unsupported_media_type,  // a request body that is not declared application/json
    internal,                // the server failed; nothing was changed
    storage_unavailable,     // the database cannot save changes now (locked, disk full); nothing was changed
};

// The code as the protocol spells it.
const char* to_string(ErrorCode code);

}  // namespace ensemble::domain
