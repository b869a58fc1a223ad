namespace Roster.Api.Imports;

/// <summary>An import's uploaded file, read into memory, with the name the browser gave it.</summary>
internal sealed record UploadedFile(byte[] Bytes, string FileName);
