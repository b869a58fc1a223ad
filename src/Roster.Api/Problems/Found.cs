using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Roster.Api.Problems;

/// <summary>
/// What a lookup answers: the value, or the problem (404, 403, 412…) the request is answered with instead. Handlers
/// branch with <see cref="Failed"/>, which hands out exactly one of the two.
/// </summary>
internal readonly struct Found<T>
{
    private readonly T? _value;
    private readonly ProblemHttpResult? _problem;

    private Found(T? value, ProblemHttpResult? problem)
    {
        _value = value;
        _problem = problem;
    }

    public static implicit operator Found<T>(T value) => new(value, null);

    public static implicit operator Found<T>(ProblemHttpResult problem) => new(default, problem);

    public bool Failed([NotNullWhen(true)] out ProblemHttpResult? problem, [NotNullWhen(false)] out T? value)
    {
        problem = _problem;
        value = _value;
        return _problem is not null;
    }
}
