using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.Hosting;

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
    public async Task A_Users_File_Is_Written_By_Add_User_And_Read_Back()
    {
        await Task.Yield();
        var dir = Directory.CreateTempSubdirectory("stowcell-hmi-users-").FullName;
        var file = Path.Combine(dir, "sub", "hmi-users.json");
        Assert.Empty(HmiUsersFile.Load(file)); // no file: no users
        Assert.False(HmiUsersFile.Save(file, new HmiUserOptions { Name = "ann", Role = HmiRole.Supervisor, PasswordHash = HmiPasswords.Hash("a1") }));
        Assert.False(HmiUsersFile.Save(file, new HmiUserOptions { Name = "bob", PasswordHash = HmiPasswords.Hash("b1") }));
        Assert.True(HmiUsersFile.Save(file, new HmiUserOptions { Name = "ann", Role = HmiRole.Operator, PasswordHash = HmiPasswords.Hash("a2") }));
        var users = HmiUsersFile.Load(file);
        Assert.Equal(["bob", "ann"], users.Select(u => u.Name));
        Assert.Equal(HmiRole.Operator, users[1].Role);
        Assert.True(HmiPasswords.Verify(users[1].PasswordHash, "a2"));
        Assert.Contains("\"Role\": \"Operator\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal); // roles by name
        Directory.Delete(dir, recursive: true);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("{ \"Users\": [ { \"Name\": \"ann\", \"Role\": \"Operator\" ", ":1: ")] // truncated
    [InlineData("{ \"Users\": [ { \"Name\": \"ann\", \"Role\": \"Boss\", \"PasswordHash\": \"x\" } ] }", "$.Users[0].Role")]
    [InlineData("{ \"Users\": [ { \"Name\": \"ann\", \"Role\": \"Operator\", \"PasswordHash\": \"secret\" } ] }", ": Users:0 (ann): PasswordHash is not a password hash")]
    [InlineData("{ \"People\": [] }", ": no \"Users\" list")]
    public async Task A_Bad_Users_File_Is_Named(string json, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("stowcell-hmi-users-").FullName;
        var file = Path.Combine(dir, "hmi-users.json");
        await File.WriteAllTextAsync(file, json);
        var e = Assert.Throws<ArgumentException>(() => HmiUsersFile.Load(file));
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        var server = await Assert.ThrowsAsync<ArgumentException>(() => HmiServer.StartAsync(new HmiOptions { Url = "http://127.0.0.1:0", UsersFile = file }, new HmiState(),
            Path.Combine(dir, "keys"), NullLoggerFactory.Instance, CancellationToken.None));
        Assert.Contains(file, server.Message, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_Embedded_Default_Configuration_Has_No_Users()
    {
        await Task.Yield();
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddCellLayers(null, new Dictionary<string, string?>()).Build();
        var options = Stow.Cell.Hosting.CellConfiguration.Bind(config);
        Assert.Empty(options.Hmi.Users);
        Assert.Equal("config/hmi-users.json", options.Hmi.UsersFile);
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_Users_Every_Login_Is_Refused_With_A_Line_Naming_The_Key()
    {
        var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var dir = Directory.CreateTempSubdirectory("stowcell-hmi-nousers-").FullName;
        var options = new HmiOptions { Url = "http://127.0.0.1:0", UsersFile = Path.Combine(dir, "absent.json") };
        await using (var server = await HmiServer.StartAsync(options, new HmiState(), Path.Combine(dir, "keys"), factory, CancellationToken.None))
        {
            Assert.Equal(0, server.Users);
            Assert.Contains(logs.Lines, l => l.Contains("no users are configured", StringComparison.Ordinal) && l.Contains(HmiOptions.UsersFileKey, StringComparison.Ordinal));
            using var http = new HttpClient { BaseAddress = server.Address };
            using var r = await http.PostAsync("/api/login", new StringContent("""{"user":"operator","password":"stow-operator"}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, r.StatusCode);
            Assert.Contains(HmiOptions.UsersFileKey, await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains(logs.Lines, l => l.Contains("HMI login refused for 'operator'", StringComparison.Ordinal) && l.Contains(HmiOptions.UsersFileKey, StringComparison.Ordinal));
        }

        Directory.Delete(dir, recursive: true);
    }
}
