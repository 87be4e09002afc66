using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Stow.Cell.PackML;

namespace Stow.Cell.Mqtt;

/// <summary>
/// JSON payloads of the operator interface, schema version <see cref="Schema"/> (docs/mqtt.md): writers for what
/// the cell publishes, strict parsers for what it receives (unknown properties, missing fields, wrong types,
/// other schema versions and oversized payloads are rejected with a reason). Thread-safe (pure).
/// </summary>
internal static class MqttPayloads
{
    public const int Schema = 1;
    public const int MaxPayloadBytes = 4096;
    public const string ContentType = "application/json";

    public static byte[] Online(bool online, string reason, DateTimeOffset? at) => Write(w =>
    {
        w.WriteBoolean("online", online);
        w.WriteString("reason", reason);
        if (at is { } t)
        {
            w.WriteString("at", t);
        }
    });

    public static byte[] State(PackMlState state, UnitMode mode, DateTimeOffset at) => Write(w =>
    {
        w.WriteString("state", state.ToString());
        w.WriteString("mode", mode.ToString());
        w.WriteString("at", at);
    });

    public static byte[] Pod(PodFillStatus p, DateTimeOffset at) => Write(w =>
    {
        WriteOptional(w, "pod", p.Pod?.Value);
        WriteOptional(w, "bins", p.Bins);
        WriteOptional(w, "items", p.Items);
        w.WriteNumber("fill", p.Fill);
        WriteOptional(w, "bestPredictedSuccess", double.IsFinite(p.BestPredictedSuccess) ? p.BestPredictedSuccess : null);
        w.WriteString("at", at);
    });

    public static byte[] StowSummary(string? summary, DateTimeOffset at) => Write(w =>
    {
        w.WriteBoolean("active", summary is not null);
        if (summary is not null)
        {
            w.WriteString("summary", summary);
        }

        w.WriteString("at", at);
    });

    public static byte[] Stow(CurrentStowStatus? s, DateTimeOffset at) => Write(w =>
    {
        w.WriteBoolean("active", s is not null);
        if (s is not null)
        {
            w.WriteNumber("attempt", s.AttemptId);
            w.WriteString("item", s.Item.Value);
            w.WriteString("pod", s.Pod.Value);
            w.WriteString("bin", s.Bin.ToString());
            w.WriteStartArray("chain");
            foreach (var p in s.Chain)
            {
                w.WriteStringValue(p.ToString());
            }

            w.WriteEndArray();
            w.WriteNumber("predictedSuccess", s.PredictedSuccess);
        }

        w.WriteString("at", at);
    });

    public static byte[] Prompt(OperatorPrompt p) => Write(w =>
    {
        w.WriteString("id", p.Id);
        w.WriteString("kind", p.Kind.ToString());
        w.WriteString("message", p.Message);
        WriteOptional(w, "pod", p.Pod?.Value);
        WriteOptional(w, "bin", p.Bin?.ToString());
        WriteOptional(w, "item", p.Item?.Value);
        w.WriteString("issuedAt", p.IssuedAt);
    });

    /// <summary>Parses an acknowledgement: <c>{"schema":1,"promptId":"...","operator":"...","response":"..."}</c>.</summary>
    public static bool TryParseAck(byte[] payload, out (string PromptId, string Operator, string Response) ack, out string reason)
    {
        ack = default;
        if (!TryReadObject(payload, ["promptId", "operator", "response"], out var root, out reason))
        {
            return false;
        }

        if (!TryString(root, "promptId", true, 64, out var id, out reason) ||
            !TryString(root, "operator", false, 64, out var op, out reason) ||
            !TryString(root, "response", false, 256, out var response, out reason))
        {
            return false;
        }

        ack = (id, op, response);
        return true;
    }

    /// <summary>Parses a supervisor command: <c>{"schema":1,"command":"Start","source":"..."}</c>.</summary>
    public static bool TryParseCommand(byte[] payload, out PackMlCommand command, out string source, out string reason)
    {
        command = default;
        source = "";
        if (!TryReadObject(payload, ["command", "source"], out var root, out reason) ||
            !TryString(root, "command", true, 32, out var name, out reason) ||
            !TryString(root, "source", false, 64, out source, out reason))
        {
            return false;
        }

        if (name.Length == 0 || !char.IsAsciiLetterUpper(name[0]) || !Enum.TryParse(name, false, out command) || !Enum.IsDefined(command))
        {
            reason = $"unknown command '{name}'";
            return false;
        }

        return true;
    }

    private static bool TryReadObject(byte[] payload, string[] allowed, out JsonElement root, out string reason)
    {
        root = default;
        if (payload.Length == 0)
        {
            reason = "empty payload";
            return false;
        }

        if (payload.Length > MaxPayloadBytes)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"payload of {payload.Length} bytes exceeds {MaxPayloadBytes}");
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(payload);
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            reason = "malformed JSON: " + ex.Message;
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            reason = "payload is not a JSON object";
            return false;
        }

        if (!root.TryGetProperty("schema", out var schema))
        {
            reason = "missing 'schema'";
            return false;
        }

        if (schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out var version) || version != Schema)
        {
            reason = $"unsupported schema version {schema.GetRawText()} (expected {Schema})";
            return false;
        }

        foreach (var p in root.EnumerateObject())
        {
            if (p.Name != "schema" && !allowed.Contains(p.Name))
            {
                reason = $"unknown property '{p.Name}'";
                return false;
            }
        }

        reason = "";
        return true;
    }

    private static bool TryString(JsonElement root, string name, bool required, int maxLength, out string value, out string reason)
    {
        value = "";
        reason = "";
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                reason = $"missing '{name}'";
                return false;
            }

            return true;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            reason = $"'{name}' must be a string";
            return false;
        }

        value = e.GetString()!;
        if (value.Length > maxLength || (required && value.Length == 0))
        {
            reason = $"'{name}' must be 1-{maxLength} characters";
            return false;
        }

        return true;
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("schema", Schema);
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>At most the first 200 characters of a payload, for logs.</summary>
    public static string Preview(byte[] payload)
    {
        var text = Encoding.UTF8.GetString(payload, 0, Math.Min(payload.Length, 800));
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
