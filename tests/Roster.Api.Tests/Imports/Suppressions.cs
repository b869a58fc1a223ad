using System.Diagnostics.CodeAnalysis;

// "Imports" is a Visual Basic keyword; this test assembly is C# only, and the folder mirrors src/Roster.Api/Imports.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Roster.Api.Tests.Imports",
    Justification = "C#-only test assembly mirroring the feature folder.")]
