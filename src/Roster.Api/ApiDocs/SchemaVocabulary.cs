using System.Text.Json;
using Roster.Api.Auth;
using Roster.Api.DutyLog;
using Roster.Api.Feeds;
using Roster.Api.Gaps;
using Roster.Api.Inspections;
using Roster.Api.MyDuties;
using Roster.Api.Notifications;
using Roster.Api.People;
using Roster.Api.Periods;
using Roster.Api.Rosters;
using Roster.Api.SpotChecks;
using Roster.Api.Submissions;
using Roster.Api.Swaps;
using Roster.Core.Gaps;
using Roster.Core.Leave;
using Roster.Core.Model;
using Roster.Core.Notifications;
using Roster.Core.Oversight;
using Roster.Core.Storage.Accounts;
using Roster.Core.Swaps;

namespace Roster.Api.ApiDocs;

/// <summary>
/// The closed sets of words that string fields carry (the database's CHECK constraints say the same), so that the
/// document lists them as enums. Keyed by the record and its JSON property; arrays list their items' words.
/// </summary>
internal static class SchemaVocabulary
{
    private static readonly string[] DutyRoleWords = [DutyRoles.Leader, DutyRoles.Staff];
    private static readonly string[] GrantRoleWords = [GrantRoles.Admin, GrantRoles.Supervisor, GrantRoles.Staff];
    private static readonly string[] PresenceWords = [DutyPresence.OnSite, DutyPresence.Reachable];
    private static readonly string[] LeaveKinds = LeaveValidation.Kinds;
    private static readonly string[] DutyLogKinds = ["entry", "incident", "follow_up", "correction"];
    private static readonly string[] SwapKinds = ["swap", "giveaway"];
    private static readonly string[] Severities = ["low", "medium", "high", "critical"];
    private static readonly string[] SpotCheckOutcomes = ["on_post", "elsewhere", "not_reached"];
    private static readonly string[] ChannelWords = [NotificationChannels.Inbox, NotificationChannels.Email, NotificationChannels.Webhook];
    private static readonly string[] WebhookFormatWords = [WebhookFormats.Generic, WebhookFormats.WeCom, WebhookFormats.DingTalk, WebhookFormats.Feishu];

    private static readonly Dictionary<(Type Owner, string Property), string[]> Words = new()
    {
        [(typeof(GrantResponse), "role")] = GrantRoleWords,
        [(typeof(AssignmentResponse), "role")] = DutyRoleWords,
        [(typeof(AssignmentResponse), "source")] = ["generated", "manual", "swap", "standby"],
        [(typeof(AssignmentResponse), "presence")] = PresenceWords,
        [(typeof(SlotResponse), "role")] = DutyRoleWords,
        [(typeof(SlotResponse), "presence")] = PresenceWords,
        [(typeof(UnfilledResponse), "role")] = DutyRoleWords,
        [(typeof(MyDutyResponse), "role")] = DutyRoleWords,
        [(typeof(GapResponse), "role")] = DutyRoleWords,
        [(typeof(GapResponse), "kind")] = [GapKinds.Unfilled, GapKinds.Unavailable, GapKinds.Conflict, GapKinds.MissedCheckIn, GapKinds.LateReport],
        [(typeof(GapResponse), "status")] = ["open", "resolved"],
        [(typeof(PersonResponse), "employmentType")] = Names<EmploymentType>(),
        [(typeof(PersonRequest), "employmentType")] = Names<EmploymentType>(),
        [(typeof(PersonResponse), "roles")] = DutyRoleWords,
        [(typeof(PersonRequest), "roles")] = DutyRoleWords,
        [(typeof(ShiftResponse), "dayTypes")] = ShiftValidation.DayTypeCodes,
        [(typeof(ShiftRequest), "dayTypes")] = ShiftValidation.DayTypeCodes,
        [(typeof(LeaveResponse), "kind")] = LeaveKinds,
        [(typeof(LeaveRequest), "kind")] = LeaveKinds,
        [(typeof(LeaveResponse), "status")] = StateCodes.All<LeaveStatus>(),
        [(typeof(RosterResponse), "status")] = StateCodes.All<RosterStatus>(),
        [(typeof(RosterVersionResponse), "status")] = StateCodes.All<RosterStatus>(),
        [(typeof(RosterJobResponse), "status")] = StateCodes.All<RosterJobStatus>(),
        [(typeof(SwapResponse), "kind")] = SwapKinds,
        [(typeof(SwapOfferRequest), "kind")] = SwapKinds,
        [(typeof(SwapResponse), "status")] = StateCodes.All<SwapStatus>(),
        [(typeof(DutyLogEntryResponse), "kind")] = DutyLogKinds,
        [(typeof(DutyLogRequest), "kind")] = DutyLogKinds,
        [(typeof(DutyLogEntryResponse), "severity")] = Severities,
        [(typeof(DutyLogRequest), "severity")] = Severities,
        [(typeof(SpotCheckItemResponse), "outcome")] = SpotCheckOutcomes,
        [(typeof(SpotCheckOutcomeRequest), "outcome")] = SpotCheckOutcomes,
        [(typeof(DeliveryResponse), "channel")] = ChannelWords,
        [(typeof(DeliveryResponse), "status")] = ["pending", "sent", "failed"],
        [(typeof(PreferencesResponse), "channels")] = ChannelWords,
        [(typeof(PreferencesRequest), "channels")] = ChannelWords,
        [(typeof(WebhookTargetResponse), "format")] = WebhookFormatWords,
        [(typeof(WebhookTargetRequest), "format")] = WebhookFormatWords,
        [(typeof(CalendarTokenResponse), "kind")] = ["person", "unit"],
        [(typeof(OversightFlagResponse), "kind")] = ["submission_overdue", "inspections_behind", "hazard_overdue"],
        [(typeof(BoardEntryResponse), "state")] = StateCodes.All<SubmissionBoardState>(),
        [(typeof(SubmissionResponse), "state")] = StateCodes.All<SubmissionState>(),
        [(typeof(TaskResponse), "state")] = ["open", "done"],
    };

    public static string[]? Of(Type owner, string property) => Words.GetValueOrDefault((owner, property));

    private static string[] Names<T>()
        where T : struct, Enum => Enum.GetNames<T>().Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)).ToArray();
}
