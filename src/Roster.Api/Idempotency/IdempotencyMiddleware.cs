using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NodaTime;
using Npgsql;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Idempotency;

namespace Roster.Api.Idempotency;

/// <summary>
/// A creating POST sent again with the same <c>Idempotency-Key</c> by the same account within 24 hours gets the first
/// answer back (status, Location and body) and writes nothing new. The same key with a different request is a 422; a
/// retry while the first request still runs is a 409. Server errors (5xx) are not kept, so such a request can be retried.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public static readonly Duration Window = Duration.FromHours(24);

    // An answer still missing after this long belongs to a request that died with its process.
    private static readonly Duration Abandoned = Duration.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context, NpgsqlDataSource db, IClock clock)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentPost>() is null
            || !Guid.TryParse(context.User.FindFirstValue("sub"), out var accountId))
        {
            await next(context);
            return;
        }

        if (key.Length > 200 || key.Any(c => c < 0x21 || c > 0x7e))
        {
            await ApiProblems.Invalid(Header, "must be 1 to 200 visible ASCII characters").ExecuteAsync(context);
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request);
        var now = clock.GetCurrentInstant();
        var ct = context.RequestAborted;
        bool claimed;
        IdempotentRequestRow? earlier = null;
        await using (var work = await DbWork.BeginAsync(db, ct))
        {
            claimed = await IdempotentRequestStore.ClaimAsync(work, accountId, key, fingerprint, now, now - Window, now - Abandoned, ct);
            if (!claimed)
            {
                earlier = await IdempotentRequestStore.FindAsync(work, accountId, key, ct);
            }

            await work.CommitAsync(ct);
        }

        if (!claimed)
        {
            await ReplayAsync(context, earlier, fingerprint);
            return;
        }

        await RunAndKeepAsync(context, db, accountId, key);
    }

    private async Task RunAndKeepAsync(HttpContext context, NpgsqlDataSource db, Guid accountId, string key)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);
            buffer.Position = 0;
            if (context.Response.StatusCode < 500)
            {
                await using var work = await DbWork.BeginAsync(db, CancellationToken.None);
                await IdempotentRequestStore.CompleteAsync(work, accountId, key, context.Response.StatusCode, context.Response.ContentType,
                    context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray(), CancellationToken.None);
                await work.CommitAsync(CancellationToken.None);
                kept = true;
            }

            await buffer.CopyToAsync(original, context.RequestAborted);
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                await using var work = await DbWork.BeginAsync(db, CancellationToken.None);
                await IdempotentRequestStore.ReleaseAsync(work, accountId, key, CancellationToken.None);
                await work.CommitAsync(CancellationToken.None);
            }
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentRequestRow? earlier, byte[] fingerprint)
    {
        ProblemHttpResult? problem = earlier switch
        {
            null => ApiProblems.Conflict("A request with this Idempotency-Key was just being answered; retry.", Header),
            { Status: null } => ApiProblems.Conflict("A request with this Idempotency-Key is still running; retry shortly.", Header),
            _ when !CryptographicOperations.FixedTimeEquals(earlier.Fingerprint, fingerprint) => ApiProblems.Unprocessable(
                new FieldErrors().Add(Header, "was already used for a different request; use a new key for a new request")),
            _ => null,
        };
        if (problem is not null)
        {
            await problem.ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = earlier!.Status!.Value;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (earlier.ContentType is not null)
        {
            context.Response.ContentType = earlier.ContentType;
        }

        if (earlier.Location is not null)
        {
            context.Response.Headers[HeaderNames.Location] = earlier.Location;
        }

        await context.Response.Body.WriteAsync(earlier.Body ?? [], context.RequestAborted);
    }

    private static async Task<byte[]> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(request.Method + " " + request.Path + request.QueryString + "\n"));
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, n);
        }

        request.Body.Position = 0;
        return sha.GetHashAndReset();
    }
}
