"""Campaign files: YAML format v1 turned into a checked :class:`~wargame.core.World`.

>>> from wargame.campaign import DEFAULT_CAMPAIGN, load_campaign
>>> campaign = load_campaign(DEFAULT_CAMPAIGN)
>>> campaign.world.nation["estonia"].name
'Estonia'

Every mistake in a file is reported as ``file:line:column: message`` with a hint;
:func:`load_campaign` raises :class:`CampaignErrors` with all of them at once.
The format is defined once, in :mod:`wargame.campaign.fmt`; the JSON Schema in
``campaigns/schema/`` is generated from it (``python -m wargame.campaign.schema``).
"""

from .bundled import DEFAULT_CAMPAIGN, bundled_campaigns, campaigns_dir
from .errors import CampaignError, CampaignErrors
from .load import Campaign, load_campaign

__all__ = ["Campaign", "CampaignError", "CampaignErrors", "DEFAULT_CAMPAIGN",
           "bundled_campaigns", "campaigns_dir", "load_campaign"]
