using Microsoft.Extensions.Logging.Abstractions;

namespace Stow.Cell.Hmi.Tests;

/// <summary>Bad HMI configuration is refused with a message naming the key; passwords are checked against their hashes.</summary>
public sealed class HmiConfigTests
{
    [Fact(Timeout = 10_000)]
    public async Task A_Hash_Verifies_Its_Own_Password_Only()
    {
        await Task.Yield();
        var hash = HmiPasswords.Hash("pa55-word");
        Assert.True(HmiPasswords.Verify(hash, "pa55-word"));
        Assert.False(HmiPasswords.Verify(hash, "pa55-Word"));
        Assert.False(HmiPasswords.Verify("pa55-word", "pa55-word")); // a plain password in the config is not a hash
        Assert.DoesNotContain("pa55", hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, HmiPasswords.Hash("pa55-word")); // salted
    }

    [Theory(Timeout = 10_000)]
    [InlineData("", "Operator", "good", "Cell:Hmi:Users:0: Name is empty")]
    [InlineData("ann", "Operator", "secret", "Cell:Hmi:Users:0 (ann): PasswordHash is not a password hash")]
    [InlineData("ann", "Operator", "", "Cell:Hmi:Users:0 (ann): PasswordHash is not a password hash")]
    [InlineData("ann", "7", "good", "Cell:Hmi:Users:0 (ann): Role 7 is not Operator or Supervisor")]
    public async Task Bad_User_Entries_Are_Named(string name, string role, string hash, string message)
    {
        await Task.Yield();
        var o = new HmiOptions();
        o.Users.Add(new HmiUserOptions { Name = name, Role = Enum.Parse<HmiRole>(role), PasswordHash = hash == "good" ? HmiPasswords.Hash("x") : hash });
        var e = Assert.Throws<ArgumentException>(() => HmiPasswords.Validate(o.Users));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_User_Listed_Twice_Is_Named()
    {
        await Task.Yield();
        var o = new HmiOptions();
        o.Users.Add(new HmiUserOptions { Name = "ann", PasswordHash = HmiPasswords.Hash("x") });
        o.Users.Add(new HmiUserOptions { Name = "ann", Role = HmiRole.Supervisor, PasswordHash = HmiPasswords.Hash("y") });
        var e = Assert.Throws<ArgumentException>(() => HmiPasswords.Validate(o.Users));
        Assert.Equal("Cell:Hmi:Users:1: user 'ann' is listed twice", e.Message);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("127.0.0.1:8080")]
    [InlineData("https://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:8080/hmi")]
    public async Task A_Bad_Url_Is_Named(string url)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => HmiServer.StartAsync(new HmiOptions { Url = url }, new HmiState(),
            Path.Combine(Path.GetTempPath(), "unused-keys"), NullLoggerFactory.Instance, CancellationToken.None));
        Assert.Contains($"Cell:Hmi:Url '{url}'", e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_Address_In_Use_Is_An_IOException_Naming_It()
    {
        var state = new HmiState();
        var keys = Directory.CreateTempSubdirectory("stowcell-hmi-keys-").FullName;
        await using var first = await HmiServer.StartAsync(HmiHost.Options("http://127.0.0.1:0"), state, keys, NullLoggerFactory.Instance, CancellationToken.None);
        var url = first.Address.ToString().TrimEnd('/');
        var e = await Assert.ThrowsAsync<IOException>(() => HmiServer.StartAsync(HmiHost.Options(url), state, keys, NullLoggerFactory.Instance, CancellationToken.None));
        Assert.Contains(url, e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Users_With_The_Published_Demo_Passwords_Are_Named()
    {
        await Task.Yield();
        var o = new HmiOptions();
        o.Users.Add(new HmiUserOptions { Name = "operator", PasswordHash = HmiPasswords.Hash("stow-operator") });
        o.Users.Add(new HmiUserOptions { Name = "ann", PasswordHash = HmiPasswords.Hash("a-real-one") });
        Assert.Equal(["operator"], HmiPasswords.UsersWithDemoPasswords(o.Users));
    }
}
