<#
.SYNOPSIS
  Tests, builds and packages Nop.Plugin.Loyalty (for store developers on Windows; works with PowerShell 7 anywhere).

.EXAMPLE
  ./build.ps1 -NopRoot C:\src\nopCommerce\src             # engine tests, plugin build, integration tests, zip
  ./build.ps1 -NopBin C:\inetpub\store                     # engine tests, build against the store's DLLs, zip
  ./build.ps1 -NopRoot C:\src\nopCommerce\src -SkipTests   # build and zip only

  The zip (artifacts/Misc.Loyalty.zip) uploads in Admin > Configuration > Local plugins.
#>
[CmdletBinding()]
param(
    # nopCommerce source tree's src folder (holds Presentation/Nop.Web). Not needed when this repository sits in src/Plugins.
    [string]$NopRoot,
    # A deployed store's folder holding Nop.*.dll (used when there is no source tree).
    [string]$NopBin,
    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Release',
    [switch]$SkipTests,
    [switch]$SkipPackage
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

# nopCommerce 4.90 targets net9.0; let it run on a newer runtime when that is all the machine has.
$env:DOTNET_ROLL_FORWARD = 'Major'

$nopArgs = @()
if ($NopRoot) { $nopArgs += "-p:NopRoot=$((Resolve-Path $NopRoot).Path)" }
elseif ($NopBin) { $nopArgs += "-p:NopBin=$((Resolve-Path $NopBin).Path)" }

function Invoke-Dotnet {
    Write-Host "> dotnet $($args -join ' ')" -ForegroundColor Cyan
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args[0]) failed with exit code $LASTEXITCODE" }
}

if (-not $SkipTests) {
    # Engine rules (no nopCommerce needed).
    Invoke-Dotnet test Nop.Plugin.Loyalty.Tests -c $Configuration
}

# The plugin itself (writes to Presentation/Nop.Web/Plugins/Misc.Loyalty with NopRoot, to Nop.Plugin.Loyalty/bin/Misc.Loyalty with NopBin).
Invoke-Dotnet build Nop.Plugin.Loyalty -c $Configuration @nopArgs

if (-not $SkipTests -and $NopRoot) {
    # nopCommerce's own test harness (in-memory SQLite with sample data); needs the source tree.
    Invoke-Dotnet test Nop.Plugin.Loyalty.IntegrationTests -c $Configuration @nopArgs
}

if (-not $SkipPackage) {
    if (-not ($NopRoot -or $NopBin) -and -not (Test-Path (Join-Path $PSScriptRoot '../../Presentation/Nop.Web.Framework'))) {
        throw 'Packaging needs -NopRoot or -NopBin (or this repository inside a nopCommerce src/Plugins folder).'
    }
    Invoke-Dotnet build Nop.Plugin.Loyalty -c $Configuration -t:Package @nopArgs
    Write-Host "Package: $(Join-Path $PSScriptRoot 'artifacts/Misc.Loyalty.zip')" -ForegroundColor Green
}
