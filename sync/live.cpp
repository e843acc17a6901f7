#include "sync/live.h"

#include "sync/json_fields.h"

namespace tosserp::sync {

domain::Result<LiveMessage> LiveMessage::fromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        return domain::invalid("invalid_live_message", "A live message must be a JSON object.");
    const detail::FieldReader reader(json, "invalid_live_message");
    auto type = reader.string("type");
    if (!type)
        return type.error();
    if (type.value() == "ping")
        return ping();
    if (type.value() != "changes" && type.value() != "hello")
        return reader.error("type", "must be \"hello\", \"changes\" or \"ping\"");
    auto position = reader.integer("position", 0);
    if (!position)
        return position.error();
    return type.value() == "hello" ? hello(position.value()) : changes(position.value());
}

nlohmann::json toJson(const LiveMessage& message)
{
    if (message.type == LiveMessageType::Ping)
        return { { "type", "ping" } };
    return { { "type", message.type == LiveMessageType::Hello ? "hello" : "changes" },
        { "position", message.position } };
}

} // namespace tosserp::sync
