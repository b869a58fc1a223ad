using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Roster.Api.Access;
using Roster.Api.Problems;
using Roster.Core.Storage;
using Roster.Core.Storage.Units;

namespace Roster.Api.Events;

/// <summary>
/// Server-Sent Events for a subtree: <c>event: change</c> with <c>{"unitId","kind"}</c> whenever something that moves
/// the heat map, the gap list or the on-duty board changes there (through any API node), <c>event: resync</c> when
/// events may have been missed, and a comment every 15 s to keep proxies from closing the stream. Clients reload what
/// the event concerns and fall back to polling while the stream is down.
/// </summary>
internal static class EventEndpoints
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void MapEvents(this IEndpointRouteBuilder api) => api.MapGet("/events", StreamAsync).WithTags("Events")
        .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static async Task<IResult> StreamAsync(
        Guid? unit, AccessScope access, ChangeFeed feed, NpgsqlDataSource db, IOptions<JsonOptions> json, HttpContext http)
    {
        var errors = new FieldErrors();
        var unitId = errors.Required("unit", unit);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var ct = http.RequestAborted;
        HashSet<Guid> watched;
        await using (var work = await DbWork.BeginAsync(db, ct))
        {
            var overseen = await access.OverseenAsync(work, ct);
            if (!overseen.Contains(unitId))
            {
                return ApiProblems.NotFound("unit");
            }

            watched = [.. (await UnitStore.SubtreeAsync(work, unitId, ct)).Where(overseen.Contains)];
        }

        using var subscription = feed.Subscribe();
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.WriteAsync("retry: 3000\nevent: ready\ndata: {}\n\n", ct);
        await response.Body.FlushAsync(ct);
        var options = json.Value.SerializerOptions;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(KeepAlive);
                string message;
                try
                {
                    var change = await subscription.Reader.ReadAsync(wait.Token);
                    if (change.UnitId is { } id && !watched.Contains(id))
                    {
                        continue;
                    }

                    message = change.UnitId is null
                        ? "event: resync\ndata: {}\n\n"
                        : $"event: change\ndata: {JsonSerializer.Serialize(change, options)}\n\n";
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    message = ": keep-alive\n\n";
                }

                await response.WriteAsync(message, ct);
                await response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }

        return Results.Empty;
    }
}
