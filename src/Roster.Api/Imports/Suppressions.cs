using System.Diagnostics.CodeAnalysis;

// "Imports" is a Visual Basic keyword; this assembly is C# only and not consumed from VB, and the folder is the domain noun.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Roster.Api.Imports",
    Justification = "C#-only assembly; the folder name is the domain noun.")]
