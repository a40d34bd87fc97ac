"""What other sites read from a page: schema.org JSON-LD, OpenGraph and Twitter cards, share
images, and the Popolo export of people and organisations."""
