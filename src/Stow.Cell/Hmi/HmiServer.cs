using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stow.Cell.Hmi;

/// <summary>
/// The operator HMI's web server: ASP.NET Core on Kestrel, serving the page (embedded resources, nothing fetched from
/// elsewhere), a cookie login against the configured users, the live state as server-sent events, and the two things
/// the page may ask of the cell: acknowledge a prompt (operators and supervisors) and a PackML command (supervisors
/// only; the server answers 403 to anyone else). Lifecycle: <see cref="StartAsync"/>, then <see cref="DisposeAsync"/>
/// (ends the event streams, so pages see the drop at once and reconnect to the next server). Thread-safe.
/// </summary>
public sealed class HmiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HmiServer(WebApplication app, Uri address, int users)
    {
        _app = app;
        Address = address;
        Users = users;
    }

    /// <summary>The address it listens on (the bound port when configured with port 0).</summary>
    public Uri Address { get; }

    /// <summary>How many users may log in (0: every login is refused, and the start-up log line says which key to set).</summary>
    public int Users { get; }

    /// <summary>Starts listening on <see cref="HmiOptions.Url"/>.</summary>
    /// <param name="options">Address and users (<see cref="HmiOptions.Users"/> and the users file; a relative
    /// <see cref="HmiOptions.UsersFile"/> is taken from the current directory).</param>
    /// <param name="state">The model shown and the way to the cell.</param>
    /// <param name="keysDir">Folder of the cookie-signing keys (created when missing; kept across restarts).</param>
    /// <param name="logs">Logger factory for ASP.NET Core and the HMI.</param>
    /// <param name="cancel">Cancels start-up.</param>
    /// <exception cref="ArgumentException">Bad URL or user entries (message names the key).</exception>
    /// <exception cref="IOException">The address cannot be bound (e.g. in use).</exception>
    public static async Task<HmiServer> StartAsync(HmiOptions options, HmiState state, string keysDir, ILoggerFactory logs, CancellationToken cancel)
    {
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.AbsolutePath != "/")
        {
            throw new ArgumentException($"Cell:Hmi:Url '{options.Url}' is not an address like http://127.0.0.1:8080 (or 'off')");
        }

        var users = new HmiUsers(HmiUsersFile.All(options, string.IsNullOrEmpty(options.UsersFile) ? "" : Path.GetFullPath(options.UsersFile)));
        Directory.CreateDirectory(keysDir);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "stowcell-hmi" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(logs);
        builder.WebHost.UseUrls(options.Url);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(users);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keysDir)).SetApplicationName("stowcell-hmi");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(c =>
        {
            c.Cookie.Name = "stowcell-hmi";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            c.ExpireTimeSpan = TimeSpan.FromHours(12);
            c.SlidingExpiration = true;
            c.Events.OnRedirectToLogin = ctx =>
            {
                ctx.Response.StatusCode = 401;
                return Task.CompletedTask;
            };
            c.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = 403;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(HmiEndpoints.OperatorPolicy, p => p.RequireRole(nameof(HmiRole.Operator), nameof(HmiRole.Supervisor)))
            .AddPolicy(HmiEndpoints.SupervisorPolicy, p => p.RequireRole(nameof(HmiRole.Supervisor)));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        HmiEndpoints.Map(app, logs.CreateLogger("Stow.Cell.Hmi"));
        try
        {
            await app.StartAsync(cancel);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            await app.DisposeAsync();
            throw new IOException($"HMI cannot listen on {options.Url}: {e.Message}", e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? options.Url;
        var address = new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        var log = logs.CreateLogger("Stow.Cell.Hmi");
        log.LogInformation("HMI listening on {Address}", address);
        if (users.List.Count == 0)
        {
            log.LogWarning("{Message}", users.NoneMessage(options));
        }

        return new HmiServer(app, address, users.List.Count);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
