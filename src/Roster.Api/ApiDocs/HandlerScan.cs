using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Roster.Api.Access;
using Roster.Api.Gaps;
using Roster.Api.Problems;

namespace Roster.Api.ApiDocs;

/// <summary>
/// What a handler does, read from its IL and from the IL of the Roster.Api methods it calls (async state machines and
/// lambdas included): the client-error statuses it can answer (the <see cref="ApiProblems"/> factories,
/// <see cref="ETags.Precondition"/>, status constants handed to <c>TypedResults.Problem</c>), and which query values it
/// parses as dates or instants (the field name it passes to <see cref="QueryValues.Date"/> or <see cref="InstantQuery.Parse"/>).
/// It errs on the safe side: a branch never taken still counts. This keeps every endpoint's documented answers true
/// without a hand-kept list per endpoint.
/// </summary>
internal static class HandlerScan
{
    private const int MaxDepth = 10;

    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => unchecked((ushort)o.Value));

    private static readonly Dictionary<string, int[]> Factories = new(StringComparer.Ordinal)
    {
        [nameof(ApiProblems.NotFound)] = [StatusCodes.Status404NotFound],
        [nameof(ApiProblems.Invalid)] = [StatusCodes.Status400BadRequest],
        [nameof(ApiProblems.Unprocessable)] = [StatusCodes.Status422UnprocessableEntity],
        [nameof(ApiProblems.Conflict)] = [StatusCodes.Status409Conflict],
        [nameof(ApiProblems.Stale)] = [StatusCodes.Status412PreconditionFailed],
        [nameof(ApiProblems.Forbidden)] = [StatusCodes.Status403Forbidden],
    };

    private static readonly ConcurrentDictionary<MethodInfo, HandlerFacts> Cache = new();

    public static HandlerFacts Of(MethodInfo handler) => Cache.GetOrAdd(handler, h =>
    {
        var facts = new HandlerFacts();
        Visit(h, facts, [], 0);
        return facts;
    });

    private static void Visit(MethodBase method, HandlerFacts found, HashSet<MethodBase> seen, int depth)
    {
        if (depth > MaxDepth || !seen.Add(method))
        {
            return;
        }

        if (method.GetCustomAttribute<StateMachineAttribute>()?.StateMachineType is { } machine
            && machine.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic) is { } moveNext)
        {
            Visit(moveNext, found, seen, depth + 1);
        }

        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return;
        }

        var constants = new List<int>();
        var makesProblem = false;
        string? lastString = null;
        for (var i = 0; i < il.Length;)
        {
            OpCode op;
            if (il[i] == 0xFE && i + 1 < il.Length)
            {
                op = OpCodesByValue.GetValueOrDefault((ushort)(0xFE00 | il[i + 1]), OpCodes.Nop);
                i += 2;
            }
            else
            {
                op = OpCodesByValue.GetValueOrDefault(il[i], OpCodes.Nop);
                i += 1;
            }

            switch (op.OperandType)
            {
                case OperandType.InlineMethod:
                    if (Resolve(method, BitConverter.ToInt32(il, i)) is { } callee)
                    {
                        makesProblem |= Follow(callee, found, seen, depth);
                        if (lastString is not null && QueryFormat(callee) is { } format)
                        {
                            found.QueryFormats[lastString] = format;
                        }
                    }

                    i += 4;
                    break;
                case OperandType.InlineString:
                    lastString = ResolveString(method, BitConverter.ToInt32(il, i));
                    i += 4;
                    break;
                case OperandType.InlineI:
                    constants.Add(BitConverter.ToInt32(il, i));
                    i += 4;
                    break;
                case OperandType.ShortInlineI:
                    i += 1;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += OperandSize(op.OperandType);
                    break;
            }
        }

        if (makesProblem)
        {
            found.Problems.UnionWith(constants.Where(c => c is >= 400 and < 500));
        }
    }

    /// <summary>Records what a call means; true when it builds a problem from a status the caller passes.</summary>
    private static bool Follow(MethodBase callee, HandlerFacts found, HashSet<MethodBase> seen, int depth)
    {
        var type = callee.DeclaringType;
        if (type == typeof(ApiProblems))
        {
            found.Problems.UnionWith(Factories.GetValueOrDefault(callee.Name, []));
            return false;
        }

        if (type == typeof(ETags) && callee.Name == nameof(ETags.Precondition))
        {
            found.Problems.UnionWith([StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired]);
            return false;
        }

        if (type == typeof(TypedResults) || type == typeof(Results))
        {
            return callee.Name is nameof(TypedResults.Problem) or nameof(TypedResults.ValidationProblem);
        }

        if (type?.Assembly == typeof(HandlerScan).Assembly)
        {
            Visit(callee, found, seen, depth + 1);
        }

        return false;
    }

    private static string? QueryFormat(MethodBase callee) =>
        callee.DeclaringType == typeof(QueryValues) && callee.Name == nameof(QueryValues.Date) ? "date"
        : callee.DeclaringType == typeof(InstantQuery) && callee.Name == nameof(InstantQuery.Parse) ? "date-time"
        : null;

    private static string? ResolveString(MethodBase method, int token)
    {
        try
        {
            return method.Module.ResolveString(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static MethodBase? Resolve(MethodBase method, int token)
    {
        try
        {
            var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            return method.Module.ResolveMethod(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
