using Roster.Core.Storage.Periods;
using Roster.Core.Storage.Submissions;
using Roster.Core.Storage.Units;

namespace Roster.Api.Submissions;

/// <summary>A pending submission the caller may decide, with its period and unit.</summary>
internal sealed record DecidableSubmission(SubmissionRow Row, PeriodRow Period, UnitRow Unit);
