// Compiled by MSBuild's RoslynCodeTaskFactory (see Directory.Build.targets); not part of any project.
//
// Installs TorchSharp's libLibTorchSharp.so into a build output folder: read from the NuGet package,
// patched in memory where needed, written beside the output and renamed over it (atomic: a program
// loading the library sees the old file or the new one, never none).
//
// The patch: TorchSharp 0.107's libLibTorchSharp.so asks for the symbol version GLIBCXX_3.4.32 (GCC 13's
// libstdc++), which Debian 12 and Ubuntu 22.04 do not have (they stop at 3.4.30). Its only symbol of
// that version, std::ios_base_library_init, is referenced but never called, so the requirement can
// be made weak: the dynamic loader then warns nothing and loads the library.
//
// ELF64 layout used here (System V gABI, GNU symbol versioning):
//   section header  { u32 name; u32 type; u64 flags, addr, offset, size; u32 link, info; u64 align, entsize }
//   SHT_GNU_verneed = 0x6ffffffe, its sh_link is the string table of the names.
//   Elf64_Verneed   { u16 version; u16 cnt; u32 file; u32 aux; u32 next }
//   Elf64_Vernaux   { u32 hash; u16 flags; u16 other; u32 name; u32 next }
//   VER_FLG_WEAK    = 0x2 in vna_flags.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class InstallTorchSharpNative : Task
{
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    /// <summary>The library in the NuGet package (read, never written).</summary>
    [Required] public string Source { get; set; } = "";

    /// <summary>Where it goes: the copy in a build output folder (never the NuGet cache).</summary>
    [Required] public string Library { get; set; } = "";

    /// <summary>The symbol version to make weak, e.g. GLIBCXX_3.4.32; empty when this system's libstdc++ has it.</summary>
    public string WeakenVersion { get; set; } = "";

    public override bool Execute()
    {
        if (Library.Replace('\\', '/').Contains("/.nuget/packages/") || Library.Contains("/nuget/packages/"))
        {
            Log.LogError($"Refusing to write '{Library}': it lies in a NuGet package cache; only build output copies are written.");
            return false;
        }
        byte[] elf = File.ReadAllBytes(Source);
        if (WeakenVersion.Length > 0)
        {
            int changed = MarkWeak(elf, WeakenVersion);
            if (changed < 0)
            {
                Log.LogError($"'{Source}' is not a 64-bit little-endian ELF file with a .gnu.version_r section.");
                return false;
            }
            Log.LogMessage(MessageImportance.High, changed == 0
                ? $"{Path.GetFileName(Library)}: {WeakenVersion} already weak or not required."
                : $"{Path.GetFileName(Library)}: marked the {WeakenVersion} requirement weak (this system's libstdc++ lacks it; see README, Troubleshooting).");
        }
        string temporary = Library + $".{Guid.NewGuid():N}.installing";
        try
        {
            File.WriteAllBytes(temporary, elf);
            if (File.Exists(Library)) File.Replace(temporary, Library, null);
            else File.Move(temporary, Library);
        }
        finally
        {
            File.Delete(temporary);
        }
        return true;
    }

    /// <returns>Number of requirements changed, or -1 when the file is not a usable ELF64 LE.</returns>
    static int MarkWeak(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2 || elf[5] != 1)
            return -1;
        ulong shoff = BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)shoff + i * shentsize);
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            int offset = checked((int)BitConverter.ToUInt64(elf, sh + 0x18));
            int link = (int)BitConverter.ToUInt32(elf, sh + 0x28);
            int strtab = checked((int)BitConverter.ToUInt64(elf, (int)shoff + link * shentsize + 0x18));
            return MarkWeakInVerneed(elf, offset, strtab, version);
        }
        return -1;
    }

    static int MarkWeakInVerneed(byte[] elf, int verneed, int strtab, string version)
    {
        int changed = 0;
        while (true)
        {
            int count = BitConverter.ToUInt16(elf, verneed + 2);
            int aux = verneed + (int)BitConverter.ToUInt32(elf, verneed + 8);
            for (int j = 0; j < count; j++)
            {
                string name = ReadCString(elf, strtab + (int)BitConverter.ToUInt32(elf, aux + 8));
                ushort flags = BitConverter.ToUInt16(elf, aux + 4);
                if (name == version && (flags & VerFlgWeak) == 0)
                {
                    BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, aux + 4);
                    changed++;
                }
                aux += (int)BitConverter.ToUInt32(elf, aux + 12);
            }
            uint next = BitConverter.ToUInt32(elf, verneed + 12);
            if (next == 0) return changed;
            verneed += (int)next;
        }
    }

    static string ReadCString(byte[] bytes, int start)
    {
        int end = Array.IndexOf(bytes, (byte)0, start);
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }
}
