#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets into DIR/<target>/, afresh: the examples of PROTOCOL
# (shared/protocol.md) as they are, its REST calls and pages as HTTP requests, and a few attempts to
# leave the static folder. Usage: fuzz/seeds.sh shared/protocol.md build/fuzz/seeds
set -euo pipefail
doc=${1:?usage: seeds.sh PROTOCOL.md DIR}
out=${2:?usage: seeds.sh PROTOCOL.md DIR}
export LC_ALL=C  # lengths in bytes
# The stored event and its host token in fuzz/http_request.cpp.
event=fuzzevent1
token=fuzz-host-token

rm -rf "$out"
mkdir -p "$out/client_message" "$out/rest_bodies" "$out/http_request" "$out/websocket_frames"

# Every ```json block of the protocol, one file each: REST bodies and server messages.
awk -v dir="$out/rest_bodies" '/^```json$/ { n++; on = 1; next } /^```$/ { on = 0 }
    on { print > (dir "/block-" n ".json") }' "$doc"
# Every client message of the tables (`{"type": ...}`), and the blocks too.
grep -o '`{"type": [^`]*}`' "$doc" | tr -d '`' |
    awk -v dir="$out/client_message" '{ print > (dir "/inline-" NR ".json") }'
# Texts at their limit and one past it (the Limits table): longer than libFuzzer grows inputs in minutes.
repeat() { local text=""; for ((i = 0; i < $2; i++)); do text+=$1; done; printf '%s' "$text"; }
printf '{"type": "chat", "text": "%s"}' "$(repeat é 1000)" >"$out/client_message/chat-1000"
printf '{"type": "broadcast", "text": " %s "}' "$(repeat a 1001)" >"$out/client_message/broadcast-1001"
printf '{"name": "%s", "organisation": "%s"}' "$(repeat n 80)" "$(repeat o 121)" >"$out/rest_bodies/profile-limits"
printf '{"title": "%s", "prompts": ["%s"]}' "$(repeat t 200)" "$(repeat p 501)" >"$out/rest_bodies/settings-limits"
cp "$out"/rest_bodies/* "$out/client_message/"

# The first ```json block after the line that names ROUTE.
block_after() {
    awk -v route="$1" 'index($0, route) { found = 1 } found && /^```json$/ { on = 1; next }
        on && /^```$/ { exit } on { print }' "$doc"
}
# A request: NAME METHOD TARGET [BODY [HEADERS]].
request() {
    local body=${4:-}
    {
        printf '%s %s HTTP/1.1\r\nHost: localhost:8080\r\n%s' "$2" "$3" "${5:-}"
        [ -z "$body" ] || printf 'Content-Type: application/json\r\nContent-Length: %d\r\n' "${#body}"
        printf '\r\n%s' "$body"
    } >"$out/http_request/$1"
}
concrete() { sed "s/{id}/$event/g; s/=ID/=$event/g; s/HOST_TOKEN/$token/g; s/=TOKEN/=$token/g"; }

n=0
# The REST calls and the WebSocket door, from the headings (`POST /api/events`...).
grep -o '`\(GET\|POST\) /[^`]*`' "$doc" | tr -d '`' | sort -u | while read -r method path; do
    n=$((n + 1))
    target=$(concrete <<<"$path")
    case "$method $path" in
    GET\ /ws*)
        request "ws-$n" GET "$target" "" $'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n'
        ;;
    POST\ *) request "api-$n" POST "$target" "$(block_after "$method $path")" ;;
    *)
        request "api-$n" GET "$target"
        request "head-$n" HEAD "$target"
        ;;
    esac
done
# The pages of the links table.
grep -o '^| `/[^`]*`' "$doc" | sed 's/^| `//; s/`$//' | concrete | while read -r path; do
    n=$((n + 1))
    request "page-$n" GET "$path"
done

# The pages and REST calls one after the other on one kept-alive connection.
cat "$out/http_request/page-"* "$out/http_request/api-"* >"$out/http_request/keep-alive"
# Out of the folder, hidden files, a directory, a body over the limit.
for path in /../secret.txt /js/../../secret.txt /.hidden /js/.env /%2e%2e/secret.txt '/js\..\..\secret.txt' /js/ /js; do
    n=$((n + 1))
    request "static-$n" GET "$path"
done
request too-large POST /api/events "" $'Content-Length: 70000\r\n'

# WebSocket frames as a browser sends them (masked with 37 fa 21 3d), after the byte that sets the reads'
# size: a text, a text in two fragments with a ping between, a close with its code.
printf '\x05\x81\x82\x37\xfa\x21\x3d\x5f\x93' >"$out/websocket_frames/text"
printf '\x02\x01\x81\x37\xfa\x21\x3d\x5f\x89\x80\x37\xfa\x21\x3d\x80\x81\x37\xfa\x21\x3d\x5e' \
    >"$out/websocket_frames/fragments"
printf '\x00\x88\x82\x37\xfa\x21\x3d\x34\x12' >"$out/websocket_frames/close"
