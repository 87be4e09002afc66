using Microsoft.AspNetCore.Identity;

namespace Stow.Cell.Hmi;

/// <summary>
/// HMI password hashes: ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (format v3: PBKDF2 with HMAC-SHA512,
/// 100 000 iterations, 128-bit salt, 256-bit subkey, base64). Thread-safe and stateless.
/// </summary>
public static class HmiPasswords
{
    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>Hashes <paramref name="password"/> for the configuration (<c>Cell:Hmi:Users:N:PasswordHash</c>).</summary>
    /// <exception cref="ArgumentException">Empty password.</exception>
    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword("stowcell", password);
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="hash"/>; false for a wrong password or a malformed hash.</summary>
    public static bool Verify(string hash, string password)
    {
        if (!IsWellFormed(hash) || string.IsNullOrEmpty(password))
        {
            return false;
        }

        return Hasher.VerifyHashedPassword("stowcell", hash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>True when <paramref name="hash"/> is base64 of a v3 hash (marker byte 0x01, at least 61 bytes).</summary>
    public static bool IsWellFormed(string hash)
    {
        if (string.IsNullOrEmpty(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var n) && n >= 61 && bytes[0] == 0x01;
    }

    /// <summary>Checks the configured users: names unique and non-empty, roles defined, hashes well formed.</summary>
    /// <param name="users">The entries.</param>
    /// <param name="where">What to call the list in messages (the configuration key, or a file and its key).</param>
    /// <exception cref="ArgumentException">A user entry is invalid; the message names <c>where:N</c> and what is wrong.</exception>
    public static void Validate(IList<HmiUserOptions> users, string where = "Cell:Hmi:Users")
    {
        ArgumentNullException.ThrowIfNull(users);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < users.Count; i++)
        {
            var u = users[i];
            var key = $"{where}:{i}";
            if (u is null || string.IsNullOrWhiteSpace(u.Name))
            {
                throw new ArgumentException($"{key}: Name is empty");
            }

            if (!seen.Add(u.Name))
            {
                throw new ArgumentException($"{key}: user '{u.Name}' is listed twice");
            }

            if (!Enum.IsDefined(u.Role))
            {
                throw new ArgumentException($"{key} ({u.Name}): Role {u.Role} is not Operator or Supervisor");
            }

            if (!IsWellFormed(u.PasswordHash))
            {
                throw new ArgumentException($"{key} ({u.Name}): PasswordHash is not a password hash (make one with `stowcell hmi hash-password`)");
            }
        }
    }
}
