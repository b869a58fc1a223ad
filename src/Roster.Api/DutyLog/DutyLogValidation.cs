using Roster.Api.Problems;
using Roster.Core.Storage.Duty;

namespace Roster.Api.DutyLog;

/// <summary>Checks a duty log entry field by field.</summary>
internal static class DutyLogValidation
{
    private static readonly string[] Kinds = ["entry", "incident", "follow_up", "correction"];
    private static readonly string[] Severities = ["low", "medium", "high", "critical"];

    public static DutyLogEntryRow Validate(DutyLogRequest request, FieldErrors errors)
    {
        var kind = request.Kind ?? "entry";
        if (!Kinds.Contains(kind))
        {
            errors.Add("kind", "must be entry, incident, follow_up or correction");
        }

        var body = errors.Text("body", request.Body, 8000);
        var category = errors.OptionalText("category", request.Category, 64);
        var severity = request.Severity;
        if (kind == "incident")
        {
            if (category is null)
            {
                errors.Add("category", "is required for an incident (e.g. fire, injury, security, public-health)");
            }

            if (severity is null || !Severities.Contains(severity))
            {
                errors.Add("severity", "must be low, medium, high or critical");
            }
        }
        else if (severity is not null && !Severities.Contains(severity))
        {
            errors.Add("severity", "must be low, medium, high or critical");
        }

        if (kind == "follow_up" && request.IncidentId is null)
        {
            errors.Add("incidentId", "is required for a follow-up");
        }

        if (kind == "correction" && request.CorrectsId is null)
        {
            errors.Add("correctsId", "is required for a correction");
        }

        return new DutyLogEntryRow
        {
            Kind = kind, SlotKey = errors.OptionalText("slotKey", request.SlotKey, 100), Category = category, Severity = severity,
            Body = body, ActionsTaken = errors.OptionalText("actionsTaken", request.ActionsTaken, 8000),
            IncidentId = kind == "follow_up" ? request.IncidentId : null, CorrectsId = kind == "correction" ? request.CorrectsId : null,
        };
    }
}
