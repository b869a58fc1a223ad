namespace Roster.Api.Problems;

/// <summary>Collects client errors per field (JSON path as the client wrote it, e.g. <c>headcount.leader</c>).</summary>
internal sealed class FieldErrors
{
    /// <summary>PostgreSQL cannot store U+0000 in text; refused here so it never reaches a query.</summary>
    public const string NulMessage = "must not contain the NUL character (U+0000)";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
        return this;
    }

    /// <summary>Requires a non-blank string of at most <paramref name="maxLength"/> characters; returns it trimmed.</summary>
    public string Text(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return "";
        }

        if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
            return "";
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            Add(field, NulMessage);
            return "";
        }

        return value.Trim();
    }

    /// <summary>An optional string: null or blank gives null; longer than <paramref name="maxLength"/> is an error.</summary>
    public string? OptionalText(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            Add(field, NulMessage);
            return null;
        }

        return value.Trim();
    }

    public T Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "is required");
            return default;
        }

        return value.Value;
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
