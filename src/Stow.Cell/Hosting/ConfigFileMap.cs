using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Stow.Cell.Hosting;

/// <summary>
/// Where each field of a JSON configuration file is: its key path (as <c>Microsoft.Extensions.Configuration</c> names it,
/// ':'-separated, array entries by index, case-insensitive) mapped to a 1-based line and column, so an error found later
/// (a value out of range, an unknown device type) can point at the spot in the file. Reading the file also checks its
/// syntax with the rules of the configuration's JSON provider (comments and trailing commas allowed); broken JSON is
/// reported with its position and the field being read. Immutable after <see cref="Parse"/>; thread-safe.
/// </summary>
public sealed class ConfigFileMap
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly Dictionary<string, (int Line, int Column)> _positions;
    private readonly Dictionary<string, string> _strings;

    private ConfigFileMap(string file, Dictionary<string, (int, int)> positions, Dictionary<string, string> strings)
    {
        File = file;
        _positions = positions;
        _strings = strings;
    }

    /// <summary>The file as it is named in messages.</summary>
    public string File { get; }

    /// <summary>Reads and maps a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ShiftSetupException">The file cannot be read, or is not valid JSON (<see cref="ShiftSetupException.Location"/> and
    /// <see cref="ShiftSetupException.Field"/> say where).</exception>
    public static ConfigFileMap Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShiftSetupException($"configuration file '{path}' cannot be read: {e.Message}", e) { Location = path };
        }

        return Parse(bytes, path);
    }

    /// <summary>Maps configuration text.</summary>
    /// <param name="utf8">The file's bytes (UTF-8, an optional byte-order mark).</param>
    /// <param name="file">The file's name for messages.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ShiftSetupException">Not valid JSON, or the top level is not an object; the exception names the position and the field.</exception>
    public static ConfigFileMap Parse(ReadOnlySpan<byte> utf8, string file)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var positions = new Dictionary<string, (int, int)>(StringComparer.OrdinalIgnoreCase);
        var strings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var path = new List<string>();
        var arrayIndex = new Stack<int>();
        var containers = new Stack<JsonTokenType>();
        string? pendingProperty = null;
        var lastField = string.Empty;
        var sawRoot = false;
        (int, int) At(long offset)
        {
            var line = lineStarts.BinarySearch((int)offset);
            line = line >= 0 ? line : ~line - 1;
            return (line + 1, (int)offset - lineStarts[line] + 1);
        }

        string Current() => string.Join(':', path);

        // The key of the value about to be read: a property's name, or the next index inside an array.
        void EnterValue(long offset)
        {
            if (pendingProperty is not null)
            {
                path.Add(pendingProperty);
                pendingProperty = null;
            }
            else if (containers.Count > 0 && containers.Peek() == JsonTokenType.StartArray)
            {
                var i = arrayIndex.Pop();
                arrayIndex.Push(i + 1);
                path.Add(i.ToString(CultureInfo.InvariantCulture));
                positions.TryAdd(Current(), At(offset));
            }
        }

        // After a value: drop its key (a scalar's, or a closed container's); the root object has none.
        void LeaveValue()
        {
            if (path.Count > 0 && path.Count >= containers.Count)
            {
                path.RemoveAt(path.Count - 1);
            }
        }

        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString() ?? string.Empty;
                        lastField = path.Count == 0 ? pendingProperty : Current() + ":" + pendingProperty;
                        positions[lastField] = At(reader.TokenStartIndex);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (containers.Count == 0 && reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new ShiftSetupException($"configuration file '{file}': the top level must be a JSON object")
                            {
                                Location = Format(file, At(reader.TokenStartIndex)),
                            };
                        }

                        sawRoot = true;
                        EnterValue(reader.TokenStartIndex);
                        containers.Push(reader.TokenType);
                        arrayIndex.Push(0);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        containers.Pop();
                        arrayIndex.Pop();
                        LeaveValue();
                        break;
                    default:
                        EnterValue(reader.TokenStartIndex);
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            strings[Current()] = reader.GetString() ?? string.Empty;
                        }

                        LeaveValue();
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var where = ((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            // A property name that the reader choked on right after (e.g. a missing ':') was never returned as a token.
            if (PropertyBefore(utf8, lineStarts, where) is { } name)
            {
                lastField = path.Count == 0 ? name : Current() + ":" + name;
            }

            var why = e.Message;
            var cut = why.IndexOf(" LineNumber:", StringComparison.Ordinal);
            why = cut > 0 ? why[..cut] : why;
            throw new ShiftSetupException($"broken JSON: {why}", e)
            {
                Location = Format(file, where),
                Field = lastField,
            };
        }

        if (!sawRoot)
        {
            throw new ShiftSetupException("broken JSON: the file holds no JSON object") { Location = Format(file, (1, 1)) };
        }

        return new ConfigFileMap(file, positions, strings);
    }

    /// <summary>The position of a field, e.g. <c>Cell:Items</c> or <c>hardware:components:2:type</c> (case-insensitive).</summary>
    /// <param name="field">Key path.</param>
    /// <param name="location"><c>file:line:column</c> when found.</param>
    /// <returns>True when the file holds the field.</returns>
    public bool TryLocate(string field, out string location)
    {
        if (_positions.TryGetValue(field, out var p))
        {
            location = Format(File, p);
            return true;
        }

        location = string.Empty;
        return false;
    }

    /// <summary>True when the file holds <paramref name="field"/>.</summary>
    /// <param name="field">Key path.</param>
    /// <returns>Whether it is present.</returns>
    public bool Contains(string field) => _positions.ContainsKey(field);

    /// <summary>The key path of the <c>hardware:components</c> entry whose <c>name</c> is <paramref name="name"/>, or null.</summary>
    /// <param name="name">Component name.</param>
    /// <returns>E.g. <c>hardware:components:1</c>.</returns>
    public string? FindComponent(string name)
    {
        for (var i = 0; ; i++)
        {
            var entry = "hardware:components:" + i.ToString(CultureInfo.InvariantCulture);
            if (!_positions.ContainsKey(entry))
            {
                return null;
            }

            if (_strings.TryGetValue(entry + ":name", out var n) && string.Equals(n, name, StringComparison.Ordinal))
            {
                return entry;
            }
        }
    }

    // The name of a quoted string that ends just before the error position on its line (only blanks or a ':' between).
    private static string? PropertyBefore(ReadOnlySpan<byte> utf8, List<int> lineStarts, (int Line, int Column) where)
    {
        if (where.Line > lineStarts.Count)
        {
            return null;
        }

        var start = lineStarts[where.Line - 1];
        var end = Math.Min(utf8.Length, start + where.Column - 1);
        var i = end - 1;
        while (i >= start && (utf8[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)':'))
        {
            i--;
        }

        if (i < start || utf8[i] != (byte)'"')
        {
            return null;
        }

        var open = utf8[start..i].LastIndexOf((byte)'"');
        return open < 0 ? null : Encoding.UTF8.GetString(utf8[(start + open + 1)..i]);
    }

    private static string Format(string file, (int Line, int Column) p) => string.Create(CultureInfo.InvariantCulture, $"{file}:{p.Line}:{p.Column}");
}
