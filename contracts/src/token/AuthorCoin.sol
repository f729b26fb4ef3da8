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

/// @title AuthorCoin
/// @notice StoryDAO governance token: capped, pausable, permit and votes, behind a UUPS proxy.
/// @dev The timelock holds DEFAULT_ADMIN_ROLE, UPGRADER_ROLE and MINTER_ROLE; the emergency
/// Safe holds PAUSER_ROLE only, so it can stop transfers but never resume them. All inherited
/// state lives in ERC-7201 namespaces; `totalMinted` is the one plain slot (slot 0), which the
/// storage-layout tests track across versions.
contract AuthorCoin is
    Initializable,
    ERC20Upgradeable,
    ERC20CappedUpgradeable,
    ERC20PausableUpgradeable,
    ERC20PermitUpgradeable,
    ERC20VotesUpgradeable,
    AccessControlUpgradeable,
    UUPSUpgradeable
{
    /// @notice Role allowed to pause transfers (the emergency Safe).
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Role allowed to upgrade the implementation (the timelock).
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");
    /// @notice Role allowed to mint up to the cap (the timelock).
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @notice Tokens minted through {mint} since deployment; the initial supply is not counted.
    uint256 public totalMinted;

    /// @notice An address that must receive a role was zero.
    /// @dev Granting a role to address(0) would silently leave it unusable.
    error AuthorCoinZeroAddress();

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Initializes the proxy: token metadata, cap, roles and the initial supply.
    /// @param name_ ERC-20 name, also the EIP-712 domain name used by permit.
    /// @param symbol_ ERC-20 symbol.
    /// @param cap_ Maximum total supply (must be non-zero).
    /// @param timelock Receives DEFAULT_ADMIN_ROLE, UPGRADER_ROLE and MINTER_ROLE.
    /// @param pauser Receives PAUSER_ROLE (the emergency Safe).
    /// @param initialHolder Receives `initialSupply`.
    /// @param initialSupply Tokens minted at initialization; not counted in {totalMinted}.
    function initialize(
        string memory name_,
        string memory symbol_,
        uint256 cap_,
        address timelock,
        address pauser,
        address initialHolder,
        uint256 initialSupply
    ) external initializer {
        if (timelock == address(0) || pauser == address(0)) {
            revert AuthorCoinZeroAddress();
        }

        __ERC20_init(name_, symbol_);
        __ERC20Capped_init(cap_);
        __ERC20Pausable_init();
        __ERC20Permit_init(name_);
        __ERC20Votes_init();
        __AccessControl_init();

        _grantRole(DEFAULT_ADMIN_ROLE, timelock);
        _grantRole(UPGRADER_ROLE, timelock);
        _grantRole(MINTER_ROLE, timelock);
        _grantRole(PAUSER_ROLE, pauser);

        if (initialSupply > 0) _mint(initialHolder, initialSupply);
    }

    /// @notice Stops all transfers, mints and burns.
    /// @dev PAUSER_ROLE only (the emergency Safe).
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @notice Resumes transfers after a pause.
    /// @dev DEFAULT_ADMIN_ROLE only, so only the timelock (i.e. governance or the ops Safe
    /// after the delay) can unpause; the emergency Safe cannot undo its own pause.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    /// @notice Mints `amount` tokens to `to` and adds them to {totalMinted}.
    /// @dev MINTER_ROLE only. Reverts with `ERC20ExceededCap` past the cap and with
    /// `EnforcedPause` while paused.
    /// @param to Recipient.
    /// @param amount Amount in token base units.
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mintCounted(to, amount);
    }

    /// @notice Implementation version, read by the ops tooling to confirm an upgrade landed.
    /// @return The semantic version of this implementation.
    function version() external pure virtual returns (string memory) {
        return "1.0.0";
    }

    /// @inheritdoc ERC20PermitUpgradeable
    function nonces(address owner)
        public
        view
        virtual
        override(ERC20PermitUpgradeable, NoncesUpgradeable)
        returns (uint256)
    {
        return super.nonces(owner);
    }

    /// @dev Mint path behind {mint}; later versions hook their extra checks in here so the
    /// role check always runs first.
    function _mintCounted(address to, uint256 amount) internal virtual {
        totalMinted += amount;
        _mint(to, amount);
    }

    /// @dev UPGRADER_ROLE only (the timelock).
    function _authorizeUpgrade(address) internal virtual override onlyRole(UPGRADER_ROLE) {}

    /// @dev Runs the pause check, the cap check and the vote checkpointing, in that order.
    function _update(address from, address to, uint256 value)
        internal
        virtual
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
