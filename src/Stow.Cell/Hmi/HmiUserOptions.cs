namespace Stow.Cell.Hmi;

/// <summary>One HMI login (configuration <c>Cell:Hmi:Users:N</c>). The password is stored only as a hash
/// (<c>stowcell hmi hash-password</c>, ASP.NET Core Identity's PBKDF2 format, see <see cref="HmiPasswords"/>).</summary>
public sealed class HmiUserOptions
{
    /// <summary>User name typed at login.</summary>
    public string Name { get; set; } = "";

    /// <summary>Role: <c>Operator</c> or <c>Supervisor</c>.</summary>
    public HmiRole Role { get; set; } = HmiRole.Operator;

    /// <summary>Password hash from <c>stowcell hmi hash-password</c> (never the password itself).</summary>
    public string PasswordHash { get; set; } = "";
}
