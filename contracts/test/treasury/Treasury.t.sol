// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {
    OwnableUpgradeable
} from "@openzeppelin/contracts-upgradeable/access/OwnableUpgradeable.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {BeaconProxy} from "@openzeppelin/contracts/proxy/beacon/BeaconProxy.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Errors} from "@openzeppelin/contracts/utils/Errors.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {Treasury} from "../../src/treasury/Treasury.sol";
import {TreasuryV2} from "../../src/treasury/TreasuryV2.sol";
import {Base} from "../Base.t.sol";

/// @dev Owns a treasury and tries to withdraw again from inside the ETH transfer.
contract ReentrantOwner {
    Treasury internal treasury;

    function setTreasury(Treasury treasury_) external {
        treasury = treasury_;
    }

    function withdraw(uint256 amount) external {
        treasury.withdrawETH(payable(address(this)), amount);
    }

    receive() external payable {
        treasury.withdrawETH(payable(address(this)), msg.value);
    }
}

contract TreasuryTest is Base {
    event Deposited(address indexed from, uint256 amount);
    event EthWithdrawn(address indexed to, uint256 amount);
    event TokenTransferred(address indexed token, address indexed to, uint256 amount);

    function test_Initialize() public view {
        assertEq(treasury.owner(), address(timelock));
        assertEq(treasury.version(), "1.0.0");
        assertEq(treasury.withdrawalCount(), 0);
        assertEq(treasuryBeacon.implementation(), address(treasuryImpl));
        assertEq(treasuryBeacon.owner(), address(timelock));
        assertEq(address(treasury).balance, TREASURY_ETH);
        assertEq(token.balanceOf(address(treasury)), TREASURY_TOKENS);
    }

    function test_RevertWhen_InitializeCalledTwice() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        treasury.initialize(stranger);
    }

    function test_RevertWhen_ImplementationInitialized() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        treasuryImpl.initialize(stranger);
    }

    function test_RevertWhen_InitializedWithZeroOwner() public {
        vm.expectRevert(
            abi.encodeWithSelector(OwnableUpgradeable.OwnableInvalidOwner.selector, address(0))
        );
        new BeaconProxy(address(treasuryBeacon), abi.encodeCall(Treasury.initialize, (address(0))));
    }

    function test_ReceiveEmitsDeposited() public {
        vm.deal(stranger, 2 ether);
        vm.expectEmit(address(treasury));
        emit Deposited(stranger, 2 ether);
        vm.prank(stranger);
        (bool ok,) = address(treasury).call{value: 2 ether}("");
        assertTrue(ok);
        assertEq(address(treasury).balance, TREASURY_ETH + 2 ether);
    }

    function test_TimelockWithdrawsETH() public {
        bytes memory data = abi.encodeCall(Treasury.withdrawETH, (payable(recipient), 4 ether));
        (, bytes32 salt) = _scheduleViaTimelock(address(treasury), data);
        vm.warp(block.timestamp + MIN_DELAY);

        vm.expectEmit(address(treasury));
        emit EthWithdrawn(recipient, 4 ether);
        vm.prank(opsSafe);
        timelock.execute(address(treasury), 0, data, bytes32(0), salt);
        assertEq(recipient.balance, 4 ether);
        assertEq(address(treasury).balance, TREASURY_ETH - 4 ether);
        assertEq(treasury.withdrawalCount(), 1);
    }

    function test_TimelockTransfersToken() public {
        bytes memory data =
            abi.encodeCall(Treasury.transferToken, (IERC20(address(token)), recipient, 500e18));
        (, bytes32 salt) = _scheduleViaTimelock(address(treasury), data);
        vm.warp(block.timestamp + MIN_DELAY);

        vm.expectEmit(address(treasury));
        emit TokenTransferred(address(token), recipient, 500e18);
        vm.prank(opsSafe);
        timelock.execute(address(treasury), 0, data, bytes32(0), salt);
        assertEq(token.balanceOf(recipient), 500e18);
        assertEq(token.balanceOf(address(treasury)), TREASURY_TOKENS - 500e18);
        assertEq(treasury.withdrawalCount(), 1);
    }

    function test_RevertWhen_StrangerWithdrawsETH() public {
        vm.expectRevert(
            abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger)
        );
        vm.prank(stranger);
        treasury.withdrawETH(payable(stranger), 1 ether);
    }

    function test_RevertWhen_EmergencyWithdrawsETH() public {
        vm.expectRevert(
            abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, emergencySafe)
        );
        vm.prank(emergencySafe);
        treasury.withdrawETH(payable(emergencySafe), 1 ether);
    }

    function test_RevertWhen_OpsSafeWithdrawsWithoutTimelock() public {
        vm.expectRevert(
            abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, opsSafe)
        );
        vm.prank(opsSafe);
        treasury.withdrawETH(payable(opsSafe), 1 ether);
    }

    function test_RevertWhen_GovernorWithdrawsWithoutTimelock() public {
        vm.expectRevert(
            abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(governor))
        );
        vm.prank(address(governor));
        treasury.withdrawETH(payable(holder), 1 ether);
    }

    function test_RevertWhen_StrangerTransfersToken() public {
        vm.expectRevert(
            abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger)
        );
        vm.prank(stranger);
        treasury.transferToken(IERC20(address(token)), stranger, 1);
    }

    function test_RevertWhen_WithdrawExceedsBalance() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                Errors.InsufficientBalance.selector, TREASURY_ETH, TREASURY_ETH + 1
            )
        );
        vm.prank(address(timelock));
        treasury.withdrawETH(payable(recipient), TREASURY_ETH + 1);
    }

    function test_RevertWhen_TokenTransferWhilePaused() public {
        vm.prank(emergencySafe);
        token.pause();
        vm.expectRevert(bytes4(keccak256("EnforcedPause()")));
        vm.prank(address(timelock));
        treasury.transferToken(IERC20(address(token)), recipient, 1);
    }

    function test_RevertWhen_OwnerReentersWithdraw() public {
        ReentrantOwner attacker = new ReentrantOwner();
        Treasury victim = Treasury(
            payable(address(
                    new BeaconProxy(
                        address(treasuryBeacon),
                        abi.encodeCall(Treasury.initialize, (address(attacker)))
                    )
                ))
        );
        attacker.setTreasury(victim);
        vm.deal(address(victim), 2 ether);

        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        attacker.withdraw(1 ether);
        assertEq(address(victim).balance, 2 ether);
    }

    function testFuzz_WithdrawETH(uint256 amount) public {
        amount = bound(amount, 0, TREASURY_ETH);
        vm.prank(address(timelock));
        treasury.withdrawETH(payable(recipient), amount);
        assertEq(recipient.balance, amount);
        assertEq(address(treasury).balance, TREASURY_ETH - amount);
        assertEq(treasury.withdrawalCount(), 1);
    }

    function test_RevertWhen_StrangerUpgradesBeacon() public {
        TreasuryV2 v2 = new TreasuryV2();
        vm.expectRevert(
            abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger)
        );
        vm.prank(stranger);
        treasuryBeacon.upgradeTo(address(v2));
    }

    function test_RevertWhen_OpsSafeUpgradesBeaconWithoutTimelock() public {
        TreasuryV2 v2 = new TreasuryV2();
        vm.expectRevert(
            abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, opsSafe)
        );
        vm.prank(opsSafe);
        treasuryBeacon.upgradeTo(address(v2));
    }

    function test_RevertWhen_StrangerTransfersOwnership() public {
        vm.expectRevert(
            abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger)
        );
        vm.prank(stranger);
        treasury.transferOwnership(stranger);
    }
}
