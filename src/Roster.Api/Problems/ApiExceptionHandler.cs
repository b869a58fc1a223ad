using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Roster.Api.Problems;

/// <summary>
/// Turns what escapes a handler into problem details: unreadable bodies and parameters into 400 naming the field,
/// database constraint failures into 409, an unreachable database into 503 with Retry-After, and anything else into a 500 without internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = Classify(exception);
        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (errors is not null)
        {
            context.ProblemDetails.Extensions["errors"] = errors;
        }

        return await problems.TryWriteAsync(context);
    }

    private static (int Status, string Title, string Detail, Dictionary<string, string[]>? Errors) Classify(Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException { InnerException: JsonException json }:
                var field = FieldOf(json.Path);
                return (400, "The request body is not valid JSON for this resource",
                    $"{field}: {Shorten(json.Message)}", new() { [field] = ["has the wrong type or format"] });
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return (413, "The request body is too large", bad.Message, null);
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status415UnsupportedMediaType:
                return (415, "Unsupported media type", bad.Message, null);
            case BadHttpRequestException bad:
                return (400, "The request is not valid", bad.Message, new() { [ParameterOf(bad.Message)] = [bad.Message] });
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg:
                return (409, "Conflict", "Another resource already uses this value.", new() { [ColumnOf(pg.ConstraintName)] = ["is already in use"] });
            case PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation }:
                return (409, "Conflict", "The person already has a duty that overlaps this time.", new() { ["personId"] = ["overlaps another assignment"] });
            case PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation }:
                return (409, "Conflict", "The resource is referenced by, or refers to, something that does not allow this change.", null);
            case PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }:
                return (400, "The request is not valid", "A text value contains a character that cannot be stored (such as U+0000).", null);
            case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }:
                return (409, "Conflict", "A concurrent change got in the way; retry the request.", null);
            case var outage when DatabaseFaults.IsOutage(outage):
                return (503, "Database unavailable", "The database cannot be reached just now; nothing was changed by this request if it failed before committing. Retry shortly.", null);
            case OperationCanceledException:
                return (499, "Cancelled", "The request was cancelled.", null);
            default:
                return (500, "Internal error", "Something went wrong on our side; it has been logged.", null);
        }
    }

    // "$.headcount.leader" → "headcount.leader"; "$" or null → "body".
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string ParameterOf(string message)
    {
        // ASP.NET Core words it as: Failed to bind parameter "int limit" from "abc".
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (start < 0 || end < 0)
        {
            return "request";
        }

        var declaration = message[(start + 1)..end];
        var space = declaration.LastIndexOf(' ');
        return space < 0 ? declaration : declaration[(space + 1)..];
    }

    private static string ColumnOf(string? constraint) => constraint switch
    {
        "units_sibling_code_uq" => "code",
        "shifts_period_code_uq" => "code",
        "holiday_calendars_code_uq" => "code",
        "accounts_username_uq" => "username",
        "accounts_username_lower_ux" => "username",
        "daily_reports_day_uq" => "day",
        "check_ins_slot_uq" => "slotKey",
        "swap_requests_open_ux" => "slotKey",
        _ => "body",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    private static string Shorten(string message) => message.Length <= 300 ? message : message[..300];
}
