using Microsoft.AspNetCore.Http.HttpResults;

namespace Roster.Api.Problems;

/// <summary>RFC 9457 problem details for every client error, with the fields at fault under <c>errors</c>.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what = "resource") =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No such {what}.");

    public static ProblemHttpResult Invalid(FieldErrors errors) => Invalid(errors.ToDictionary());

    public static ProblemHttpResult Invalid(string field, string message) => Invalid(new FieldErrors().Add(field, message));

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request is not valid",
            detail: Describe(errors),
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>Well-formed but against the domain's rules (for example a contradictory rule set).</summary>
    public static ProblemHttpResult Unprocessable(FieldErrors errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The request breaks a rule",
            detail: Describe(errors.ToDictionary()),
            extensions: new Dictionary<string, object?> { ["errors"] = errors.ToDictionary() });

    public static ProblemHttpResult Conflict(string detail, string? field = null) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            detail: detail,
            extensions: field is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    public static ProblemHttpResult Stale() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Changed by someone else",
            detail: "The resource has changed since it was read (If-Match does not match its ETag). Read it again and retry.");

    public static ProblemHttpResult PreconditionRequired() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status428PreconditionRequired,
            title: "If-Match is required",
            detail: "Send the ETag you read in If-Match, so that a change made meanwhile by someone else is not overwritten.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["If-Match"] = ["is required"] } });

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    private static string Describe(IDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}"));
}
