// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {UpgradeableBeacon} from "@openzeppelin/contracts/proxy/beacon/UpgradeableBeacon.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";

import {AuthorCoinV2BadLayout} from "../../src/mocks/AuthorCoinV2BadLayout.sol";
import {TreasuryV2BadLayout} from "../../src/mocks/TreasuryV2BadLayout.sol";
import {Base} from "../Base.t.sol";

/// @dev Storage-layout compatibility between implementation versions, read from the compiler's
/// `storageLayout` output in `out/` (foundry.toml: extra_output, fs_permissions).
/// Only plain (non-ERC-7201) variables appear there; OpenZeppelin's own state sits in namespaced
/// structs, which the upgrade tests cover by checking that balances, roles and owners survive.
contract StorageLayoutTest is Base {
    /// @dev One `storageLayout.storage[]` entry. The JSON key `type` is a Solidity keyword, so
    /// the field is `typeId`; parseJsonTypeArray maps fields by position.
    struct LayoutEntry {
        string label;
        uint256 offset;
        string slot;
        string typeId;
    }

    string internal constant ENTRY_TYPE =
        "StorageEntry(string label,uint256 offset,string slot,string type)";

    string internal constant AUTHOR_COIN = "out/AuthorCoin.sol/AuthorCoin.json";
    string internal constant AUTHOR_COIN_V2 = "out/AuthorCoinV2.sol/AuthorCoinV2.json";
    string internal constant AUTHOR_COIN_V2_BAD =
        "out/AuthorCoinV2BadLayout.sol/AuthorCoinV2BadLayout.json";
    string internal constant TREASURY = "out/Treasury.sol/Treasury.json";
    string internal constant TREASURY_V2 = "out/TreasuryV2.sol/TreasuryV2.json";
    string internal constant TREASURY_V2_BAD =
        "out/TreasuryV2BadLayout.sol/TreasuryV2BadLayout.json";

    // ---------------------------------------------------------------- checker

    /// @dev Reads `storageLayout.storage[]` from a forge artifact.
    function _readLayout(string memory artifactPath) internal view returns (LayoutEntry[] memory) {
        string memory json = vm.readFile(artifactPath);
        return abi.decode(
            vm.parseJsonTypeArray(json, ".storageLayout.storage", ENTRY_TYPE), (LayoutEntry[])
        );
    }

    /// @dev The upgrade rule: every V1 variable is still in V2 under the same label, at the same
    /// slot and offset, with the same type; V2 may only add variables after them. The compiler
    /// never overlaps distinct variables, so kept positions also mean nothing new landed on them.
    /// Type ids are compared as strings: stable for elementary types (`t_uint256`); for structs
    /// and contracts they embed AST ids, so such a change fails (conservative, never a false
    /// pass). A rename is reported as a missing variable, as OpenZeppelin's validator does.
    function _checkLayout(LayoutEntry[] memory v1, LayoutEntry[] memory v2)
        internal
        pure
        returns (bool ok, string memory reason)
    {
        for (uint256 i = 0; i < v1.length; i++) {
            LayoutEntry memory a = v1[i];
            (bool found, LayoutEntry memory b) = _find(v2, a.label);
            if (!found) {
                return (false, string.concat("`", a.label, "` missing (removed or renamed)"));
            }
            if (!_eq(a.slot, b.slot)) {
                return
                    (
                        false,
                        string.concat("`", a.label, "` moved from slot ", a.slot, " to ", b.slot)
                    );
            }
            if (a.offset != b.offset) {
                return (
                    false,
                    string.concat(
                        "`",
                        a.label,
                        "` moved from offset ",
                        vm.toString(a.offset),
                        " to ",
                        vm.toString(b.offset)
                    )
                );
            }
            if (!_eq(a.typeId, b.typeId)) {
                return (
                    false,
                    string.concat("`", a.label, "` changed type from ", a.typeId, " to ", b.typeId)
                );
            }
        }
        return (true, "");
    }

    function _find(LayoutEntry[] memory layout, string memory label)
        internal
        pure
        returns (bool found, LayoutEntry memory entry)
    {
        for (uint256 i = 0; i < layout.length; i++) {
            if (_eq(layout[i].label, label)) return (true, layout[i]);
        }
        return (false, entry);
    }

    function _checkArtifacts(string memory v1Path, string memory v2Path)
        internal
        view
        returns (bool ok, string memory reason)
    {
        return _checkLayout(_readLayout(v1Path), _readLayout(v2Path));
    }

    function _eq(string memory a, string memory b) internal pure returns (bool) {
        return keccak256(bytes(a)) == keccak256(bytes(b));
    }

    function _entry(string memory label, string memory slot, uint256 offset, string memory typeId)
        internal
        pure
        returns (LayoutEntry memory)
    {
        return LayoutEntry({label: label, offset: offset, slot: slot, typeId: typeId});
    }

    function _layout(LayoutEntry memory a) internal pure returns (LayoutEntry[] memory l) {
        l = new LayoutEntry[](1);
        l[0] = a;
    }

    function _layout(LayoutEntry memory a, LayoutEntry memory b)
        internal
        pure
        returns (LayoutEntry[] memory l)
    {
        l = new LayoutEntry[](2);
        l[0] = a;
        l[1] = b;
    }

    // ---------------------------------------------------------------- artifacts

    function test_ArtifactLayoutsAreRead() public view {
        LayoutEntry[] memory coin = _readLayout(AUTHOR_COIN);
        assertEq(coin.length, 1, "AuthorCoin has one plain variable");
        assertEq(coin[0].label, "totalMinted");
        assertEq(coin[0].slot, "0");
        assertEq(coin[0].offset, 0);
        assertEq(coin[0].typeId, "t_uint256");

        LayoutEntry[] memory coinV2 = _readLayout(AUTHOR_COIN_V2);
        assertEq(coinV2.length, 2);
        assertEq(coinV2[1].label, "mintLimitPerCall");
        assertEq(coinV2[1].slot, "1");

        LayoutEntry[] memory treasuryLayout = _readLayout(TREASURY);
        assertEq(treasuryLayout.length, 1, "Treasury has one plain variable");
        assertEq(treasuryLayout[0].label, "withdrawalCount");
        assertEq(treasuryLayout[0].slot, "0");

        LayoutEntry[] memory treasuryV2Layout = _readLayout(TREASURY_V2);
        assertEq(treasuryV2Layout.length, 2);
        assertEq(treasuryV2Layout[1].label, "dailyLimit");
        assertEq(treasuryV2Layout[1].slot, "1");
    }

    function test_AuthorCoinV2KeepsV1Layout() public view {
        (bool ok, string memory reason) = _checkArtifacts(AUTHOR_COIN, AUTHOR_COIN_V2);
        assertTrue(ok, reason);
    }

    function test_TreasuryV2KeepsV1Layout() public view {
        (bool ok, string memory reason) = _checkArtifacts(TREASURY, TREASURY_V2);
        assertTrue(ok, reason);
    }

    function test_AuthorCoinV2BadLayoutFailsCheck() public view {
        (bool ok, string memory reason) = _checkArtifacts(AUTHOR_COIN, AUTHOR_COIN_V2_BAD);
        assertFalse(ok);
        assertEq(reason, "`totalMinted` moved from slot 0 to 1");
    }

    function test_TreasuryV2BadLayoutFailsCheck() public view {
        (bool ok, string memory reason) = _checkArtifacts(TREASURY, TREASURY_V2_BAD);
        assertFalse(ok);
        assertEq(reason, "`withdrawalCount` moved from slot 0 to 1");
    }

    // ---------------------------------------------------------------- checker rules

    function test_CheckerAcceptsAppendedVariable() public pure {
        (bool ok,) = _checkLayout(
            _layout(_entry("count", "0", 0, "t_uint256")),
            _layout(_entry("count", "0", 0, "t_uint256"), _entry("limit", "1", 0, "t_uint256"))
        );
        assertTrue(ok);
    }

    function test_CheckerRejectsMovedSlot() public pure {
        (bool ok, string memory reason) = _checkLayout(
            _layout(_entry("count", "0", 0, "t_uint256")),
            _layout(_entry("count", "1", 0, "t_uint256"))
        );
        assertFalse(ok);
        assertEq(reason, "`count` moved from slot 0 to 1");
    }

    function test_CheckerRejectsMovedOffset() public pure {
        (bool ok, string memory reason) = _checkLayout(
            _layout(_entry("flag", "0", 0, "t_bool")), _layout(_entry("flag", "0", 20, "t_bool"))
        );
        assertFalse(ok);
        assertEq(reason, "`flag` moved from offset 0 to 20");
    }

    function test_CheckerRejectsChangedType() public pure {
        (bool ok, string memory reason) = _checkLayout(
            _layout(_entry("count", "0", 0, "t_uint256")),
            _layout(_entry("count", "0", 0, "t_uint128"))
        );
        assertFalse(ok);
        assertEq(reason, "`count` changed type from t_uint256 to t_uint128");
    }

    function test_CheckerRejectsRenamedVariable() public pure {
        (bool ok, string memory reason) = _checkLayout(
            _layout(_entry("count", "0", 0, "t_uint256")),
            _layout(_entry("withdrawals", "0", 0, "t_uint256"))
        );
        assertFalse(ok);
        assertEq(reason, "`count` missing (removed or renamed)");
    }

    function test_CheckerRejectsInsertedVariable() public pure {
        (bool ok, string memory reason) = _checkLayout(
            _layout(_entry("count", "0", 0, "t_uint256")),
            _layout(_entry("limit", "0", 0, "t_uint256"), _entry("count", "1", 0, "t_uint256"))
        );
        assertFalse(ok);
        assertEq(reason, "`count` moved from slot 0 to 1");
    }

    function test_CheckerRejectsRemovedVariable() public pure {
        (bool ok, string memory reason) = _checkLayout(
            _layout(_entry("count", "0", 0, "t_uint256"), _entry("limit", "1", 0, "t_uint256")),
            _layout(_entry("count", "0", 0, "t_uint256"))
        );
        assertFalse(ok);
        assertEq(reason, "`limit` missing (removed or renamed)");
    }

    // ---------------------------------------------------------------- why it matters

    function test_BadAuthorCoinUpgradeCorruptsTotalMinted() public {
        vm.prank(address(timelock));
        token.mint(recipient, 7e18);
        AuthorCoinV2BadLayout bad = new AuthorCoinV2BadLayout();

        _executeViaTimelock(
            address(token), 0, abi.encodeCall(UUPSUpgradeable.upgradeToAndCall, (address(bad), ""))
        );

        AuthorCoinV2BadLayout upgraded = AuthorCoinV2BadLayout(address(token));
        assertEq(upgraded.totalMinted(), 0, "count lost: it now reads slot 1");
        assertEq(upgraded.mintLimitPerCall(), 7e18, "old count reinterpreted as the limit");
        // Namespaced OpenZeppelin state is untouched; only the plain slot shifted.
        assertEq(upgraded.balanceOf(recipient), 7e18);
    }

    function test_BadTreasuryUpgradeCorruptsWithdrawalCount() public {
        vm.prank(address(timelock));
        treasury.withdrawETH(payable(recipient), 1 ether);
        TreasuryV2BadLayout bad = new TreasuryV2BadLayout();

        _executeViaTimelock(
            address(treasuryBeacon), 0, abi.encodeCall(UpgradeableBeacon.upgradeTo, (address(bad)))
        );

        TreasuryV2BadLayout upgraded = TreasuryV2BadLayout(payable(address(treasury)));
        assertEq(upgraded.withdrawalCount(), 0, "count lost: it now reads slot 1");
        assertEq(upgraded.dailyLimit(), 1, "old count reinterpreted as a 1 wei limit");

        vm.expectRevert(
            abi.encodeWithSelector(TreasuryV2BadLayout.TreasuryDailyLimitExceeded.selector, 2, 1)
        );
        vm.prank(address(timelock));
        upgraded.withdrawETH(payable(recipient), 2);
    }
}
