namespace Roster.Core.Engine.Search;

/// <summary>Compiled workload rule: days FromDay..ToDay inclusive; Shift/Role −1 = any, −2 = matches nothing.</summary>
internal readonly record struct WorkloadLimit(int FromDay, int ToDay, int Shift, int Role, int MinShifts, int MaxShifts, long MinMinutes, long MaxMinutes);
