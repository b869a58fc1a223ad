using Microsoft.AspNetCore.Http.HttpResults;

namespace Roster.Api.Imports;

/// <summary>An import that cannot be committed: 422 with every row error, as a list and keyed <c>rows[N].column</c>.</summary>
internal static class ImportProblems
{
    public static ProblemHttpResult Rejected(ImportOutcome outcome, string? encoding)
    {
        var errors = outcome.Errors
            .GroupBy(e => e.Row is { } row ? $"rows[{row}]" + (e.Column is null ? "" : "." + e.Column) : "file", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        var first = outcome.Errors[0];
        var where = first.Row is { } r ? $"row {r}" + (first.Column is null ? "" : $", column {first.Column}") : "the file";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The import has errors; nothing was written",
            detail: $"{outcome.Errors.Count} error(s); first at {where}: {first.Message}",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors,
                ["rowErrors"] = outcome.Errors,
                ["rows"] = outcome.Rows,
                ["encoding"] = encoding,
            });
    }
}
