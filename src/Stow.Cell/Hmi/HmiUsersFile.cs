using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stow.Cell.Hmi;

/// <summary>
/// The HMI users file (<see cref="HmiOptions.UsersFile"/>): <c>{ "Users": [ { "Name": "ann", "Role": "Operator",
/// "PasswordHash": "AQAAAA…" } ] }</c>, the hashes from <see cref="HmiPasswords.Hash"/>. Read once when the HMI starts;
/// written by <c>stowcell hmi add-user</c>. Stateless and thread-safe; the caller serialises writes to one file.
/// </summary>
public static class HmiUsersFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file, never embedded in a page: keep '+' in hashes readable
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter<HmiRole>(allowIntegerValues: false) },
    };

    /// <summary>Reads the users of <paramref name="path"/>; an empty list when the file does not exist or the path is empty.</summary>
    /// <exception cref="ArgumentException">The file is not valid JSON of that shape (message names the file, line and field)
    /// or a user entry is invalid (message names <c>path: Users:N</c>).</exception>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public static IReadOnlyList<HmiUserOptions> Load(string path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return [];
        }

        UsersDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<UsersDocument>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line ? $":{line + 1}" : "";
            throw new ArgumentException($"{HmiOptions.UsersFileKey} {path}{at}: {(e.Path is { } p ? p + ": " : "")}not a users file ({e.Message})", e);
        }

        var users = doc?.Users ?? throw new ArgumentException($"{HmiOptions.UsersFileKey} {path}: no \"Users\" list");
        HmiPasswords.Validate(users, $"{path}: Users");
        return users;
    }

    /// <summary>Adds or replaces the user <paramref name="user"/> in <paramref name="path"/> (creating the file and its folder).</summary>
    /// <returns>True when a user of that name was replaced; false when added.</returns>
    /// <exception cref="ArgumentException">The existing file is invalid, or <paramref name="user"/> is.</exception>
    public static bool Save(string path, HmiUserOptions user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var before = Load(path);
        var users = before.Where(u => u.Name != user.Name).ToList();
        var replaced = users.Count < before.Count;
        users.Add(user);
        HmiPasswords.Validate(users, $"{path}: Users");
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        var tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(new UsersDocument { Users = users }, Json));
        File.Move(tmp, path, overwrite: true);
        return replaced;
    }

    /// <summary>The configured users: <see cref="HmiOptions.Users"/>, then those of <paramref name="usersFile"/> (absolute path).</summary>
    /// <exception cref="ArgumentException">A user is invalid or listed twice (message names where).</exception>
    public static IReadOnlyList<HmiUserOptions> All(HmiOptions options, string usersFile)
    {
        ArgumentNullException.ThrowIfNull(options);
        HmiPasswords.Validate(options.Users);
        var all = options.Users.Concat(Load(usersFile)).ToList();
        var twice = all.GroupBy(u => u.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"HMI user '{twice.Key}' is in both Cell:Hmi:Users and {usersFile}");
        }

        return all;
    }

    private sealed class UsersDocument
    {
        public List<HmiUserOptions>? Users { get; set; }
    }
}
