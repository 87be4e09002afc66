using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Stow.Cell.PackML;

namespace Stow.Cell.Hmi;

/// <summary>
/// The HMI's HTTP surface. Page: <c>GET /</c>, <c>/hmi.css</c>, <c>/hmi.js</c>. API (JSON): <c>POST /api/login</c>
/// {user, password}, <c>POST /api/logout</c>, <c>GET /api/me</c>, <c>GET /api/state</c>, <c>GET /api/events</c>
/// (server-sent events <c>state</c>, each a whole <see cref="HmiSnapshot"/>), <c>GET /api/frame.png</c>,
/// <c>POST /api/prompts/{id}/ack</c> (operator or supervisor), <c>POST /api/packml/{command}</c> (supervisor). Status
/// codes: 401 not logged in (or wrong password), 403 role not allowed, 404 prompt not pending, 409 command refused in this state, 503 no
/// shift attached (or, at login, no users configured). There is no motion endpoint: nobody commands motion from the HMI.
/// </summary>
public static class HmiEndpoints
{
    /// <summary>Authorisation policy: operators and supervisors.</summary>
    public const string OperatorPolicy = "hmi-operator";

    /// <summary>Authorisation policy: supervisors only.</summary>
    public const string SupervisorPolicy = "hmi-supervisor";

    /// <summary>The PackML commands a supervisor may issue from the HMI.</summary>
    public static readonly IReadOnlySet<PackMlCommand> SupervisorCommands = new HashSet<PackMlCommand>
    {
        PackMlCommand.Start, PackMlCommand.Stop, PackMlCommand.Hold, PackMlCommand.Unhold, PackMlCommand.Reset, PackMlCommand.Abort, PackMlCommand.Clear,
    };

    /// <summary>Maps every route onto <paramref name="app"/>.</summary>
    public static void Map(WebApplication app, ILogger log)
    {
        MapAsset(app, "/", "index.html", "text/html; charset=utf-8");
        MapAsset(app, "/hmi.css", "hmi.css", "text/css; charset=utf-8");
        MapAsset(app, "/hmi.js", "hmi.js", "text/javascript; charset=utf-8");
        app.MapPost("/api/login", async (HttpContext ctx, LoginRequest req, HmiUsers users, HmiOptions options) =>
        {
            if (users.List.Count == 0)
            {
                var none = users.NoneMessage(options);
                log.LogWarning("HMI login refused for '{User}': {Message}", req.User, none);
                return Results.Json(new { error = "No HMI users are configured: ask the supervisor to set " + HmiOptions.UsersFileKey }, statusCode: 503);
            }

            var user = users.List.FirstOrDefault(u => u.Name == req.User);
            // Verify against some hash even for unknown users, so timing does not tell which names exist.
            var ok = HmiPasswords.Verify(user?.PasswordHash ?? users.List[0].PasswordHash, req.Password ?? "") && user is not null;
            if (!ok)
            {
                log.LogWarning("HMI login refused for '{User}'", req.User);
                return Results.Json(new { error = "wrong user name or password" }, statusCode: 401);
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user!.Name), new Claim(ClaimTypes.Role, user.Role.ToString())],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            log.LogInformation("HMI login: {User} ({Role})", user.Name, user.Role);
            return Results.Json(new { user = user.Name, role = user.Role.ToString() });
        });
        app.MapPost("/api/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Ok();
        });
        var api = app.MapGroup("/api").RequireAuthorization(OperatorPolicy);
        api.MapGet("/me", (ClaimsPrincipal u) => Results.Json(new { user = u.Identity?.Name, role = u.FindFirstValue(ClaimTypes.Role) }));
        api.MapGet("/state", (HmiState state) => Results.Json(state.Snapshot()));
        api.MapGet("/events", (HmiState state, IHostApplicationLifetime life, CancellationToken ct) =>
            TypedResults.ServerSentEvents(Stream(state, life.ApplicationStopping, ct)));
        api.MapGet("/frame.png", (HmiState state) => state.Frame() is { } f
            ? Results.File(f.Png, "image/png")
            : Results.NotFound());
        api.MapPost("/prompts/{id}/ack", (string id, ClaimsPrincipal u, HmiState state) =>
        {
            var who = u.Identity?.Name ?? "";
            var result = state.Acknowledge(id, who);
            log.LogInformation("HMI: {User} acknowledged prompt {Id}: {Result}", who, id, result);
            return result switch
            {
                HmiAckResult.Acknowledged => Results.Json(new { acknowledged = id }),
                HmiAckResult.NotPending => Results.Json(new { error = $"prompt '{id}' is not pending (unknown or already acknowledged)" }, statusCode: 404),
                _ => Results.Json(new { error = "no shift is running" }, statusCode: 503),
            };
        });
        app.MapPost("/api/packml/{command}", (string command, ClaimsPrincipal u, HmiState state) =>
        {
            if (!Enum.TryParse<PackMlCommand>(command, false, out var c) || !SupervisorCommands.Contains(c))
            {
                return Results.Json(new { error = $"'{command}' is not one of {string.Join(", ", SupervisorCommands)}" }, statusCode: 400);
            }

            var accepted = state.Command(c);
            log.LogInformation("HMI: supervisor {User} sent {Command}: {Result}", u.Identity?.Name, c, accepted is null ? "no shift" : accepted.Value ? "accepted" : "refused");
            return accepted switch
            {
                null => Results.Json(new { error = "no shift is running" }, statusCode: 503),
                false => Results.Json(new { error = $"{c} is not allowed in {state.Snapshot().State}" }, statusCode: 409),
                true => Results.Json(new { command = c.ToString(), state = state.Snapshot().State }),
            };
        }).RequireAuthorization(SupervisorPolicy);
    }

    private static async IAsyncEnumerable<SseItem<HmiSnapshot>> Stream(HmiState state, CancellationToken stopping, [EnumeratorCancellation] CancellationToken request)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, request);
        var seen = long.MinValue;
        var first = true;
        while (!stop.IsCancellationRequested)
        {
            var snapshot = state.Snapshot();
            if (snapshot.Version != seen)
            {
                seen = snapshot.Version;
                yield return new SseItem<HmiSnapshot>(snapshot, "state") { ReconnectionInterval = first ? TimeSpan.FromSeconds(1) : null };
                first = false;
            }

            try
            {
                await state.WaitForChangeAsync(seen, TimeSpan.FromSeconds(15), stop.Token);
                await Task.Delay(100, stop.Token); // at most ten updates a second per page
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static void MapAsset(WebApplication app, string path, string resource, string contentType)
    {
        using var s = typeof(HmiEndpoints).Assembly.GetManifestResourceStream("hmi/" + resource)
            ?? throw new InvalidOperationException($"embedded HMI resource hmi/{resource} is missing from the build");
        using var m = new MemoryStream();
        s.CopyTo(m);
        var bytes = m.ToArray();
        app.MapGet(path, (HttpContext ctx) =>
        {
            ctx.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(bytes, contentType);
        });
    }

    /// <summary>Body of <c>POST /api/login</c>.</summary>
    /// <param name="User">User name.</param>
    /// <param name="Password">Password.</param>
    public sealed record LoginRequest(string User, string? Password);
}
