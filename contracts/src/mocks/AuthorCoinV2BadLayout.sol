// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {
    AccessControlUpgradeable
} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {
    ERC20Upgradeable
} from "@openzeppelin/contracts-upgradeable/token/ERC20/ERC20Upgradeable.sol";
import {
    ERC20CappedUpgradeable
} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20CappedUpgradeable.sol";
import {
    ERC20PausableUpgradeable
} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20PausableUpgradeable.sol";
import {
    ERC20PermitUpgradeable
} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20PermitUpgradeable.sol";
import {
    ERC20VotesUpgradeable
} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20VotesUpgradeable.sol";
import {NoncesUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/NoncesUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";

/// @title AuthorCoinV2BadLayout
/// @notice DO NOT DEPLOY. Exists only to prove that storage-layout checks fail on a broken V2.
/// @dev Same API as AuthorCoinV2, but `mintLimitPerCall` is declared BEFORE `totalMinted`, so
/// `totalMinted` moves from slot 0 to slot 1 and reads a stale or zero value after an upgrade
/// from AuthorCoin.
contract AuthorCoinV2BadLayout is
    Initializable,
    ERC20Upgradeable,
    ERC20CappedUpgradeable,
    ERC20PausableUpgradeable,
    ERC20PermitUpgradeable,
    ERC20VotesUpgradeable,
    AccessControlUpgradeable,
    UUPSUpgradeable
{
    /// @notice Role allowed to pause transfers.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Role allowed to upgrade the implementation.
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");
    /// @notice Role allowed to mint up to the cap.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @notice Per-call mint limit. Wrongly inserted before `totalMinted` (the layout bug).
    uint256 public mintLimitPerCall;

    /// @notice Tokens minted through {mint}; now at slot 1 instead of slot 0.
    uint256 public totalMinted;

    /// @notice A single mint asked for more than the per-call limit.
    /// @param amount The requested amount.
    /// @param limit The current per-call limit.
    error AuthorCoinMintLimitExceeded(uint256 amount, uint256 limit);

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up the V2 state once, after the upgrade.
    /// @param mintLimitPerCall_ The per-call mint limit; zero disables it.
    function initializeV2(uint256 mintLimitPerCall_)
        external
        reinitializer(2)
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        mintLimitPerCall = mintLimitPerCall_;
    }

    /// @notice Stops all transfers, mints and burns.
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @notice Resumes transfers after a pause.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    /// @notice Mints `amount` tokens to `to`, enforcing the per-call limit when it is set.
    /// @param to Recipient.
    /// @param amount Amount in token base units.
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        uint256 limit = mintLimitPerCall;
        if (limit != 0 && amount > limit) revert AuthorCoinMintLimitExceeded(amount, limit);
        totalMinted += amount;
        _mint(to, amount);
    }

    /// @notice Implementation version.
    /// @return "2.0.0-bad-layout".
    function version() external pure returns (string memory) {
        return "2.0.0-bad-layout";
    }

    /// @inheritdoc ERC20PermitUpgradeable
    function nonces(address owner)
        public
        view
        override(ERC20PermitUpgradeable, NoncesUpgradeable)
        returns (uint256)
    {
        return super.nonces(owner);
    }

    function _authorizeUpgrade(address) internal override onlyRole(UPGRADER_ROLE) {}

    function _update(address from, address to, uint256 value)
        internal
        override(
            ERC20Upgradeable,
            ERC20CappedUpgradeable,
            ERC20PausableUpgradeable,
            ERC20VotesUpgradeable
        )
    {
        super._update(from, to, value);
    }
}
