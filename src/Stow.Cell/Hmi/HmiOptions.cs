namespace Stow.Cell.Hmi;

/// <summary>The operator HMI (configuration section <c>Cell:Hmi</c>).</summary>
public sealed class HmiOptions
{
    /// <summary>The value of <see cref="Url"/> that turns the HMI off.</summary>
    public const string Off = "off";

    /// <summary>Address Kestrel listens on (<c>http://host:port</c>; port 0 picks a free one); <c>off</c> for no HMI.
    /// Overridden by <c>stowcell run --hmi URL</c>.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Folder of the ASP.NET Core data-protection keys that sign login cookies, so a logged-in page stays logged in
    /// across host restarts; null: <c>.hmi-keys</c> under the reports folder.</summary>
    public string? KeysDir { get; set; }

    /// <summary>The key that names the users file, for messages.</summary>
    public const string UsersFileKey = "Cell:Hmi:UsersFile";

    /// <summary>
    /// The users file (<c>{ "Users": [ { "Name", "Role", "PasswordHash" } ] }</c>, written by <c>stowcell hmi add-user</c>);
    /// a relative path is taken from the repository root. A missing file means no users from it. The embedded default
    /// configuration has no users: credentials never ship with the code.
    /// </summary>
    public string UsersFile { get; set; } = "config/hmi-users.json";

    /// <summary>Users given in the configuration itself (<c>Cell:Hmi:Users:N</c>, e.g. in a <c>--config</c> file), in addition to
    /// those of <see cref="UsersFile"/>.</summary>
    public IList<HmiUserOptions> Users { get; } = [];
}
