using MiniExcelLibs;

namespace Roster.Api.Imports;

/// <summary>
/// The account slips of an import as an XLSX to print and cut: one row per new account with its one-time password,
/// which is shown nowhere else and must be changed at the first sign-in.
/// </summary>
internal static class AccountSlips
{
    public static byte[] Write(IReadOnlyList<AccountSlip> slips)
    {
        var rows = slips.Select(s => new Dictionary<string, object>
        {
            ["姓名 name"] = s.Name,
            ["工号 staff number"] = s.StaffNumber,
            ["单位 unit"] = s.UnitName,
            ["单位代码路径 unit code path"] = s.UnitPath,
            ["登录账号 username"] = s.Username,
            ["一次性密码 one-time password"] = s.OneTimePassword,
            ["说明 note"] = "首次登录须修改密码 · change it at the first sign-in",
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: "账号 Accounts", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
