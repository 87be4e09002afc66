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

    /// <summary>Who may log in, with their roles and password hashes.</summary>
    public IList<HmiUserOptions> Users { get; } = [];
}
